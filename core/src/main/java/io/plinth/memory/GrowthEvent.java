package io.plinth.memory;

import io.plinth.core.Check;
import io.plinth.core.Json;
import io.plinth.tenancy.UserId;
import java.time.Instant;

/**
 * A step of a user's growth along one dimension (seed 004's {@code growth_events}); append-only.
 *
 */
public record GrowthEvent(GrowthEventId id, UserId userId, String entityId, String entityType, String dimKey,
                          Double delta, String source, Instant createdAt, Json details) {
    public GrowthEvent {
        Check.required("id", id);
        Check.required("userId", userId);
        Check.text("entityId", entityId, 500);
        Check.text("entityType", entityType, 500);
        Check.text("dimKey", dimKey, 500);
        Check.finite("delta", Check.required("delta", delta));
        Check.text("source", source, 500);
        Check.required("createdAt", createdAt);
        details = Json.absentIfNull(details);
    }

}
