package io.plinth.memory;

import io.plinth.core.Check;
import io.plinth.tenancy.UserId;
import java.time.Instant;

/**
 * A user's current cycle (seed 004's cycle management fields of {@code users}): when it started and
 * how many concepts the user created since. Read and changed through
 * {@link ConceptRepository#cycle} and {@link ConceptRepository#startCycle}; creating a concept counts
 * in the same unit of work.
 *
 * @param lastCycleStartedAt     when the current cycle started; null while the user never started one
 * @param conceptsCreatedInCycle concepts created since (or since the user was created), at least 0
 */
public record Cycle(UserId userId, Instant lastCycleStartedAt, int conceptsCreatedInCycle) {
    public Cycle {
        Check.required("userId", userId);
        Check.range("conceptsCreatedInCycle", conceptsCreatedInCycle, 0, Integer.MAX_VALUE);
    }
}
