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

    /**
     * A builder of a {@code NewInteractionLog}: each component is set by its name, so that two values of one
     * type cannot change places unnoticed.
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Sets the components of a {@link NewInteractionLog} by name. A component not set is null, false or 0;
     * {@link #build()} validates as the canonical constructor does. Not thread-safe; one builder may
     * build several records.
     */
    public static final class Builder {
        private UserId userId;
        private String interactionType;
        private String targetEntityId;
        private String targetEntityType;
        private String contentText;
        private Json contentStructured;
        private Json metadata;

        private Builder() {
        }

        /** Sets {@link NewInteractionLog#userId()}. */
        public Builder userId(UserId userId) {
            this.userId = userId;
            return this;
        }

        /** Sets {@link NewInteractionLog#interactionType()}. */
        public Builder interactionType(String interactionType) {
            this.interactionType = interactionType;
            return this;
        }

        /** Sets {@link NewInteractionLog#targetEntityId()}. */
        public Builder targetEntityId(String targetEntityId) {
            this.targetEntityId = targetEntityId;
            return this;
        }

        /** Sets {@link NewInteractionLog#targetEntityType()}. */
        public Builder targetEntityType(String targetEntityType) {
            this.targetEntityType = targetEntityType;
            return this;
        }

        /** Sets {@link NewInteractionLog#contentText()}. */
        public Builder contentText(String contentText) {
            this.contentText = contentText;
            return this;
        }

        /** Sets {@link NewInteractionLog#contentStructured()}. */
        public Builder contentStructured(Json contentStructured) {
            this.contentStructured = contentStructured;
            return this;
        }

        /** Sets {@link NewInteractionLog#metadata()}. */
        public Builder metadata(Json metadata) {
            this.metadata = metadata;
            return this;
        }

        /**
         * The {@code NewInteractionLog} of the components set.
         *
         * @throws io.plinth.core.InvalidInputException naming the component that breaks a rule
         */
        public NewInteractionLog build() {
            return new NewInteractionLog(userId, interactionType, targetEntityId, targetEntityType,
                    contentText, contentStructured, metadata);
        }
    }
}
