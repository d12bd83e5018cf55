package io.plinth.testkit.klepsydra;

import io.plinth.core.Check;
import io.plinth.core.ConflictException;
import io.plinth.core.NotFoundException;
import io.plinth.klepsydra.PulseProfile;
import io.plinth.klepsydra.PulseProfileRepository;
import io.plinth.tenancy.UserId;
import io.plinth.testkit.Rows;
import io.plinth.testkit.Tables;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/** In-memory {@link PulseProfileRepository}. */
public final class MemPulseProfileRepository implements PulseProfileRepository {
    private final Tables t;
    private final Supplier<Instant> now;

    public MemPulseProfileRepository(Tables tables, Supplier<Instant> now) {
        this.t = tables;
        this.now = now;
    }

    @Override
    public PulseProfile create(UserId userId) {
        Check.required("userId", userId);
        if (!t.exists("users", userId.value())) {
            throw new NotFoundException("user", userId);
        }
        if (t.pulseProfiles.containsKey(userId.value())) {
            throw new ConflictException("user " + userId + " already has a pulse profile");
        }
        PulseProfile created = new PulseProfile(userId, 0, null, 0.5, 0.5, 0.5, now.get(), 0);
        t.put(t.pulseProfiles, userId.value(), created);
        return created;
    }

    @Override
    public PulseProfile get(UserId userId) {
        return find(userId).orElseThrow(() -> new NotFoundException("pulse profile", userId));
    }

    @Override
    public Optional<PulseProfile> find(UserId userId) {
        Check.required("userId", userId);
        return Optional.ofNullable(t.pulseProfiles.get(userId.value()));
    }

    @Override
    public PulseProfile update(PulseProfile profile) {
        Check.required("profile", profile);
        PulseProfile stored = t.pulseProfiles.get(profile.userId().value());
        Rows.current(stored, stored == null ? -1 : stored.version(), profile.version(), "pulse profile", profile.userId());
        PulseProfile updated = new PulseProfile(profile.userId(), profile.consecutiveLosses(), profile.lastEventTimestamp(),
                profile.frustration(), profile.flowState(), profile.riskAversion(), now.get(), stored.version() + 1);
        t.put(t.pulseProfiles, profile.userId().value(), updated);
        return updated;
    }
}
