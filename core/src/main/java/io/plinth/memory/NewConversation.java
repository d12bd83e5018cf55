package io.plinth.memory;

import io.plinth.core.Check;
import io.plinth.core.Json;
import io.plinth.tenancy.UserId;

/** What it takes to create a {@link Conversation}; the store assigns the id, the times and version 0. */
public record NewConversation(UserId userId, String title, Double importanceScore, String contextSummary,
                              Json metadata, CardId sourceCardId) {
    public NewConversation {
        Check.required("userId", userId);
        Check.optionalText("title", title, 500);
        Check.finite("importanceScore", importanceScore);
        Check.optionalText("contextSummary", contextSummary, 100000);
        metadata = Json.absentIfNull(metadata);
    }
}
