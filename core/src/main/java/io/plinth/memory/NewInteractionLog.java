package io.plinth.memory;

import io.plinth.core.Check;
import io.plinth.core.Json;
import io.plinth.tenancy.UserId;

/** What it takes to create a {@link InteractionLog}; the store assigns the id, the times. */
public record NewInteractionLog(UserId userId, String interactionType, String targetEntityId,
                                String targetEntityType, String contentText, Json contentStructured, Json metadata) {
    public NewInteractionLog {
        Check.required("userId", userId);
        Check.text("interactionType", interactionType, 500);
        Check.optionalText("targetEntityId", targetEntityId, 500);
        Check.optionalText("targetEntityType", targetEntityType, 500);
        Check.optionalText("contentText", contentText, 100000);
        contentStructured = Json.absentIfNull(contentStructured);
        metadata = Json.absentIfNull(metadata);
    }
}
