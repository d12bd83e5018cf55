package io.plinth.memory;

import io.plinth.core.Check;
import io.plinth.core.Json;
import io.plinth.tenancy.UserId;

/** What it takes to create a {@link ProactivePrompt}; the store assigns the id, the times and version 0. */
public record NewProactivePrompt(UserId userId, String promptText, String sourceAgent, Json metadata) {
    public NewProactivePrompt {
        Check.required("userId", userId);
        Check.text("promptText", promptText, 100000);
        Check.text("sourceAgent", sourceAgent, 500);
        metadata = Json.absentIfNull(metadata);
    }

    /**
     * A builder of a {@code NewProactivePrompt}: each component is set by its name, so that two values of one
     * type cannot change places unnoticed.
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Sets the components of a {@link NewProactivePrompt} by name. A component not set is null, false or 0;
     * {@link #build()} validates as the canonical constructor does. Not thread-safe; one builder may
     * build several records.
     */
    public static final class Builder {
        private UserId userId;
        private String promptText;
        private String sourceAgent;
        private Json metadata;

        private Builder() {
        }

        /** Sets {@link NewProactivePrompt#userId()}. */
        public Builder userId(UserId userId) {
            this.userId = userId;
            return this;
        }

        /** Sets {@link NewProactivePrompt#promptText()}. */
        public Builder promptText(String promptText) {
            this.promptText = promptText;
            return this;
        }

        /** Sets {@link NewProactivePrompt#sourceAgent()}. */
        public Builder sourceAgent(String sourceAgent) {
            this.sourceAgent = sourceAgent;
            return this;
        }

        /** Sets {@link NewProactivePrompt#metadata()}. */
        public Builder metadata(Json metadata) {
            this.metadata = metadata;
            return this;
        }

        /**
         * The {@code NewProactivePrompt} of the components set.
         *
         * @throws io.plinth.core.InvalidInputException naming the component that breaks a rule
         */
        public NewProactivePrompt build() {
            return new NewProactivePrompt(userId, promptText, sourceAgent, metadata);
        }
    }
}
