package io.plinth.memory;

import io.plinth.core.Check;
import io.plinth.core.Json;
import io.plinth.tenancy.UserId;
import java.time.Instant;
import java.util.List;

/**
 * A message of a conversation (seed 004's {@code conversation_messages}), appended in order and never
 * changed. The seed gives the table no user; Plinth adds the tenant column {@code user_id}, which the
 * database fills from the conversation when a writer (a Prisma client) leaves it out.
 *
 */
public record ConversationMessage(MessageId id, ConversationId conversationId, UserId userId, MessageRole role,
                                  String content, Instant timestamp, Json llmCallMetadata, List<String> mediaIds) {
    public ConversationMessage {
        Check.required("id", id);
        Check.required("conversationId", conversationId);
        Check.required("userId", userId);
        Check.required("role", role);
        Check.text("content", content, 100000);
        Check.required("timestamp", timestamp);
        llmCallMetadata = Json.absentIfNull(llmCallMetadata);
        List<String> items = new java.util.ArrayList<>(Check.required("mediaIds", mediaIds));
        items.forEach(item -> Check.text("mediaIds", item, 500));
        mediaIds = List.copyOf(items);
    }

}
