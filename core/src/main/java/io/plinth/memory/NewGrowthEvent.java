package io.plinth.memory;

import io.plinth.core.Check;
import io.plinth.core.Json;
import io.plinth.tenancy.UserId;

/** What it takes to create a {@link GrowthEvent}; the store assigns the id, the times. */
public record NewGrowthEvent(UserId userId, String entityId, String entityType, String dimKey, Double delta,
                             String source, Json details) {
    public NewGrowthEvent {
        Check.required("userId", userId);
        Check.text("entityId", entityId, 500);
        Check.text("entityType", entityType, 500);
        Check.text("dimKey", dimKey, 500);
        Check.finite("delta", Check.required("delta", delta));
        Check.text("source", source, 500);
        details = Json.absentIfNull(details);
    }
}
