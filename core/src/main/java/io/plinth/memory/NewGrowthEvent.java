package io.plinth.memory;

import io.plinth.core.Check;
import io.plinth.core.Json;
import io.plinth.tenancy.UserId;

/** What it takes to create a {@link GrowthEvent}; the store assigns the id, the times. */
public record NewGrowthEvent(UserId userId, String entityId, String entityType, String dimKey, Double delta,
                             String source, Json details) {
    public NewGrowthEvent {
        Check.required("userId", userId);
        Check.text("entityId", entityId, 500);
        Check.text("entityType", entityType, 500);
        Check.text("dimKey", dimKey, 500);
        Check.finite("delta", Check.required("delta", delta));
        Check.text("source", source, 500);
        details = Json.absentIfNull(details);
    }

    /**
     * A builder of a {@code NewGrowthEvent}: each component is set by its name, so that two values of one
     * type cannot change places unnoticed.
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Sets the components of a {@link NewGrowthEvent} by name. A component not set is null, false or 0;
     * {@link #build()} validates as the canonical constructor does. Not thread-safe; one builder may
     * build several records.
     */
    public static final class Builder {
        private UserId userId;
        private String entityId;
        private String entityType;
        private String dimKey;
        private Double delta;
        private String source;
        private Json details;

        private Builder() {
        }

        /** Sets {@link NewGrowthEvent#userId()}. */
        public Builder userId(UserId userId) {
            this.userId = userId;
            return this;
        }

        /** Sets {@link NewGrowthEvent#entityId()}. */
        public Builder entityId(String entityId) {
            this.entityId = entityId;
            return this;
        }

        /** Sets {@link NewGrowthEvent#entityType()}. */
        public Builder entityType(String entityType) {
            this.entityType = entityType;
            return this;
        }

        /** Sets {@link NewGrowthEvent#dimKey()}. */
        public Builder dimKey(String dimKey) {
            this.dimKey = dimKey;
            return this;
        }

        /** Sets {@link NewGrowthEvent#delta()}. */
        public Builder delta(Double delta) {
            this.delta = delta;
            return this;
        }

        /** Sets {@link NewGrowthEvent#source()}. */
        public Builder source(String source) {
            this.source = source;
            return this;
        }

        /** Sets {@link NewGrowthEvent#details()}. */
        public Builder details(Json details) {
            this.details = details;
            return this;
        }

        /**
         * The {@code NewGrowthEvent} of the components set.
         *
         * @throws io.plinth.core.InvalidInputException naming the component that breaks a rule
         */
        public NewGrowthEvent build() {
            return new NewGrowthEvent(userId, entityId, entityType, dimKey, delta, source, details);
        }
    }
}
