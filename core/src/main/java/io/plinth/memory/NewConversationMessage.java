package io.plinth.memory;

import io.plinth.core.Check;
import io.plinth.core.Json;
import io.plinth.tenancy.UserId;
import java.util.List;

/** What it takes to create a {@link ConversationMessage}; the store assigns the id, the times. */
public record NewConversationMessage(UserId userId, ConversationId conversationId, MessageRole role,
                                     String content, Json llmCallMetadata, List<String> mediaIds) {
    public NewConversationMessage {
        Check.required("userId", userId);
        Check.required("conversationId", conversationId);
        Check.required("role", role);
        Check.text("content", content, 100000);
        llmCallMetadata = Json.absentIfNull(llmCallMetadata);
        mediaIds = List.copyOf(Check.required("mediaIds", mediaIds));
        mediaIds.forEach(item -> Check.text("mediaIds", item, 500));
    }
}
