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

    /**
     * A builder of a {@code NewMemoryUnit}: each component is set by its name, so that two values of one
     * type cannot change places unnoticed.
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Sets the components of a {@link NewMemoryUnit} by name. A component not set is null, false or 0;
     * {@link #build()} validates as the canonical constructor does. Not thread-safe; one builder may
     * build several records.
     */
    public static final class Builder {
        private UserId userId;
        private String title;
        private String content;
        private Instant creationTs;
        private Double importanceScore;
        private Double sentimentScore;
        private ConversationId sourceConversationId;

        private Builder() {
        }

        /** Sets {@link NewMemoryUnit#userId()}. */
        public Builder userId(UserId userId) {
            this.userId = userId;
            return this;
        }

        /** Sets {@link NewMemoryUnit#title()}. */
        public Builder title(String title) {
            this.title = title;
            return this;
        }

        /** Sets {@link NewMemoryUnit#content()}. */
        public Builder content(String content) {
            this.content = content;
            return this;
        }

        /** Sets {@link NewMemoryUnit#creationTs()}. */
        public Builder creationTs(Instant creationTs) {
            this.creationTs = creationTs;
            return this;
        }

        /** Sets {@link NewMemoryUnit#importanceScore()}. */
        public Builder importanceScore(Double importanceScore) {
            this.importanceScore = importanceScore;
            return this;
        }

        /** Sets {@link NewMemoryUnit#sentimentScore()}. */
        public Builder sentimentScore(Double sentimentScore) {
            this.sentimentScore = sentimentScore;
            return this;
        }

        /** Sets {@link NewMemoryUnit#sourceConversationId()}. */
        public Builder sourceConversationId(ConversationId sourceConversationId) {
            this.sourceConversationId = sourceConversationId;
            return this;
        }

        /**
         * The {@code NewMemoryUnit} of the components set.
         *
         * @throws io.plinth.core.InvalidInputException naming the component that breaks a rule
         */
        public NewMemoryUnit build() {
            return new NewMemoryUnit(userId, title, content, creationTs, importanceScore, sentimentScore,
                    sourceConversationId);
        }
    }
}
