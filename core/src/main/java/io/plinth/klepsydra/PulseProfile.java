package io.plinth.klepsydra;

import io.plinth.core.Check;
import io.plinth.tenancy.UserId;
import java.time.Instant;

/**
 * The Klepsydra engine's state for one user (seed 000): the loss streak that triggers the Pity Boon,
 * the time of the last event (for time decay), and three psychological levels in [0, 1]. NaN and
 * values outside [0, 1] are rejected. Update it in the same unit of work as the TRIBUTE transfer
 * that changes it.
 *
 * @param version optimistic-lock version; an update must carry the version it read
 */
public record PulseProfile(UserId userId, int consecutiveLosses, Instant lastEventTimestamp, double frustration,
                           double flowState, double riskAversion, Instant updatedAt, long version) {
    public PulseProfile {
        Check.required("userId", userId);
        Check.range("consecutiveLosses", consecutiveLosses, 0, Integer.MAX_VALUE);
        lastEventTimestamp = Check.instant("lastEventTimestamp", lastEventTimestamp);
        Check.range("frustration", frustration, 0, 1);
        Check.range("flowState", flowState, 0, 1);
        Check.range("riskAversion", riskAversion, 0, 1);
        Check.required("updatedAt", updatedAt);
        Check.version(version);
    }

    /** The profile after an event: new levels and loss streak, stamped with {@code at}. */
    public PulseProfile after(Instant at, int losses, double newFrustration, double newFlowState, double newRiskAversion) {
        return new PulseProfile(userId, losses, at, newFrustration, newFlowState, newRiskAversion, updatedAt, version);
    }
}
