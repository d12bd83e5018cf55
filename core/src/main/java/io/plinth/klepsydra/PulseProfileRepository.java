package io.plinth.klepsydra;

import io.plinth.core.ReadOnly;
import io.plinth.tenancy.UserId;
import java.util.Optional;

/** Pulse profiles, one per user; deleted with the user. */
public interface PulseProfileRepository {
    /** Creates the user's profile with neutral levels (0.5), no losses and no last event; a second one is a conflict. */
    PulseProfile create(UserId userId);

    @ReadOnly
    PulseProfile get(UserId userId);

    @ReadOnly
    Optional<PulseProfile> find(UserId userId);

    /** Saves the profile if its version is current. */
    PulseProfile update(PulseProfile profile);
}
