package io.plinth.memory;

import io.plinth.core.Check;
import io.plinth.tenancy.UserId;
import java.time.Instant;

/** What it takes to create a {@link MemoryUnit}; the store assigns the id, the times and version 0. */
public record NewMemoryUnit(UserId userId, String title, String content, Instant creationTs,
                            Double importanceScore, Double sentimentScore, ConversationId sourceConversationId) {
    public NewMemoryUnit {
        Check.required("userId", userId);
        Check.text("title", title, 500);
        Check.text("content", content, 100000);
        creationTs = Check.instant("creationTs", creationTs);
        Check.required("creationTs", creationTs);
        Check.finite("importanceScore", importanceScore);
        Check.finite("sentimentScore", sentimentScore);
    }
}
