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

    /**
     * A builder of a {@code NewConversationMessage}: each component is set by its name, so that two values of one
     * type cannot change places unnoticed.
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Sets the components of a {@link NewConversationMessage} by name. A component not set is null, false or 0;
     * {@link #build()} validates as the canonical constructor does. Not thread-safe; one builder may
     * build several records.
     */
    public static final class Builder {
        private UserId userId;
        private ConversationId conversationId;
        private MessageRole role;
        private String content;
        private Json llmCallMetadata;
        private List<String> mediaIds;

        private Builder() {
        }

        /** Sets {@link NewConversationMessage#userId()}. */
        public Builder userId(UserId userId) {
            this.userId = userId;
            return this;
        }

        /** Sets {@link NewConversationMessage#conversationId()}. */
        public Builder conversationId(ConversationId conversationId) {
            this.conversationId = conversationId;
            return this;
        }

        /** Sets {@link NewConversationMessage#role()}. */
        public Builder role(MessageRole role) {
            this.role = role;
            return this;
        }

        /** Sets {@link NewConversationMessage#content()}. */
        public Builder content(String content) {
            this.content = content;
            return this;
        }

        /** Sets {@link NewConversationMessage#llmCallMetadata()}. */
        public Builder llmCallMetadata(Json llmCallMetadata) {
            this.llmCallMetadata = llmCallMetadata;
            return this;
        }

        /** Sets {@link NewConversationMessage#mediaIds()}. */
        public Builder mediaIds(List<String> mediaIds) {
            this.mediaIds = mediaIds;
            return this;
        }

        /**
         * The {@code NewConversationMessage} of the components set.
         *
         * @throws io.plinth.core.InvalidInputException naming the component that breaks a rule
         */
        public NewConversationMessage build() {
            return new NewConversationMessage(userId, conversationId, role, content, llmCallMetadata,
                    mediaIds);
        }
    }
}
