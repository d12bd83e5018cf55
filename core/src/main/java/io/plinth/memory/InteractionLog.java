package io.plinth.memory;

import io.plinth.core.Check;
import io.plinth.core.Json;
import io.plinth.tenancy.UserId;
import java.time.Instant;

/**
 * One interaction of a user with the product (seed 004's {@code interaction_logs}): high-volume and
 * append-only.
 *
 */
public record InteractionLog(InteractionLogId id, UserId userId, Instant timestamp, String interactionType,
                             String targetEntityId, String targetEntityType, String contentText,
                             Json contentStructured, Json metadata) {
    public InteractionLog {
        Check.required("id", id);
        Check.required("userId", userId);
        Check.required("timestamp", timestamp);
        Check.text("interactionType", interactionType, 500);
        Check.optionalText("targetEntityId", targetEntityId, 500);
        Check.optionalText("targetEntityType", targetEntityType, 500);
        Check.optionalText("contentText", contentText, 100000);
        contentStructured = Json.absentIfNull(contentStructured);
        metadata = Json.absentIfNull(metadata);
    }

}
