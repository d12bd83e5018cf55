package io.plinth.postgres.klepsydra;

import io.plinth.core.Check;
import io.plinth.klepsydra.PulseProfile;
import io.plinth.klepsydra.PulseProfileRepository;
import io.plinth.postgres.sql.Rows;
import io.plinth.tenancy.UserId;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import io.plinth.postgres.PgSession;

/** {@link PulseProfileRepository} on table {@code pulse_profiles}. */
public final class PgPulseProfileRepository implements PulseProfileRepository {
    private final PulseProfileDao dao;
    private final Supplier<Instant> now;

    /** Binds the repository to the session of one unit of work; {@code now} is the store's clock. */
    public PgPulseProfileRepository(PgSession session, Supplier<Instant> now) {
        this.dao = session.handle().attach(PulseProfileDao.class);
        this.now = now;
    }

    @Override
    public PulseProfile create(UserId userId) {
        Check.required("userId", userId);
        return dao.insert(userId.value(), now.get());
    }

    @Override
    public PulseProfile get(UserId userId) {
        return Rows.found(find(userId), "pulse profile", userId);
    }

    @Override
    public Optional<PulseProfile> find(UserId userId) {
        Check.required("userId", userId);
        return dao.find(userId.value());
    }

    @Override
    public PulseProfile update(PulseProfile p) {
        Check.required("profile", p);
        return Rows.updated(dao.update(p.userId().value(), p.version(), p.consecutiveLosses(), p.lastEventTimestamp(),
                        p.frustration(), p.flowState(), p.riskAversion(), now.get()),
                "pulse profile", p.userId(), () -> dao.exists(p.userId().value()));
    }
}
