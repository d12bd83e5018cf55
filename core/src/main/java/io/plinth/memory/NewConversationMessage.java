package io.plinth.memory;

import io.plinth.core.Check;
import io.plinth.core.Ids;
import io.plinth.core.InvalidInputException;
import io.plinth.core.Json;
import io.plinth.tenancy.UserId;
import java.util.List;

/**
 * What it takes to append a {@link ConversationMessage}; the store assigns the id and the timestamp.
 * {@code mediaIds} are ids of the user's media items, each in the canonical lower-case UUID form
 * (the column is text, as in the seed); the store checks that each names a media item of the user.
 */
public record NewConversationMessage(UserId userId, ConversationId conversationId, MessageRole role,
                                     String content, Json llmCallMetadata, List<String> mediaIds) {
    public NewConversationMessage {
        Check.required("userId", userId);
        Check.required("conversationId", conversationId);
        Check.required("role", role);
        Check.text("content", content, 100000);
        llmCallMetadata = Json.absentIfNull(llmCallMetadata);
        List<String> items = new java.util.ArrayList<>(Check.required("mediaIds", mediaIds));
        for (String item : items) {
            if (!Ids.parse("mediaIds", item).toString().equals(item)) {
                throw new InvalidInputException("mediaIds", "must hold media ids in their canonical, lower-case form");
            }
        }
        mediaIds = List.copyOf(items);
    }
}
