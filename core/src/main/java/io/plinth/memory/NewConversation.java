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

    /**
     * A builder of a {@code NewConversation}: each component is set by its name, so that two values of one
     * type cannot change places unnoticed.
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Sets the components of a {@link NewConversation} by name. A component not set is null, false or 0;
     * {@link #build()} validates as the canonical constructor does. Not thread-safe; one builder may
     * build several records.
     */
    public static final class Builder {
        private UserId userId;
        private String title;
        private Double importanceScore;
        private String contextSummary;
        private Json metadata;
        private CardId sourceCardId;

        private Builder() {
        }

        /** Sets {@link NewConversation#userId()}. */
        public Builder userId(UserId userId) {
            this.userId = userId;
            return this;
        }

        /** Sets {@link NewConversation#title()}. */
        public Builder title(String title) {
            this.title = title;
            return this;
        }

        /** Sets {@link NewConversation#importanceScore()}. */
        public Builder importanceScore(Double importanceScore) {
            this.importanceScore = importanceScore;
            return this;
        }

        /** Sets {@link NewConversation#contextSummary()}. */
        public Builder contextSummary(String contextSummary) {
            this.contextSummary = contextSummary;
            return this;
        }

        /** Sets {@link NewConversation#metadata()}. */
        public Builder metadata(Json metadata) {
            this.metadata = metadata;
            return this;
        }

        /** Sets {@link NewConversation#sourceCardId()}. */
        public Builder sourceCardId(CardId sourceCardId) {
            this.sourceCardId = sourceCardId;
            return this;
        }

        /**
         * The {@code NewConversation} of the components set.
         *
         * @throws io.plinth.core.InvalidInputException naming the component that breaks a rule
         */
        public NewConversation build() {
            return new NewConversation(userId, title, importanceScore, contextSummary, metadata,
                    sourceCardId);
        }
    }
}
