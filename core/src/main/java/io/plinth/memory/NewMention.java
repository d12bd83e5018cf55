package io.plinth.memory;

import io.plinth.core.Check;
import io.plinth.tenancy.UserId;

/**
 * What it takes to record that a memory unit mentions a concept ({@link Mention}).
 *
 * @param weight in (0, 1]
 */
public record NewMention(UserId userId, MemoryUnitId memoryUnitId, ConceptId conceptId, double weight) {
    public NewMention {
        Check.required("userId", userId);
        Check.required("memoryUnitId", memoryUnitId);
        Check.required("conceptId", conceptId);
        Mention.weight(weight);
    }

    /**
     * A builder of a {@code NewMention}: each component is set by its name, so that two values of one
     * type cannot change places unnoticed.
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Sets the components of a {@link NewMention} by name. A component not set is null, false or 0;
     * {@link #build()} validates as the canonical constructor does. Not thread-safe; one builder may
     * build several records.
     */
    public static final class Builder {
        private UserId userId;
        private MemoryUnitId memoryUnitId;
        private ConceptId conceptId;
        private double weight;

        private Builder() {
        }

        /** Sets {@link NewMention#userId()}. */
        public Builder userId(UserId userId) {
            this.userId = userId;
            return this;
        }

        /** Sets {@link NewMention#memoryUnitId()}. */
        public Builder memoryUnitId(MemoryUnitId memoryUnitId) {
            this.memoryUnitId = memoryUnitId;
            return this;
        }

        /** Sets {@link NewMention#conceptId()}. */
        public Builder conceptId(ConceptId conceptId) {
            this.conceptId = conceptId;
            return this;
        }

        /** Sets {@link NewMention#weight()}. */
        public Builder weight(double weight) {
            this.weight = weight;
            return this;
        }

        /**
         * The {@code NewMention} of the components set.
         *
         * @throws io.plinth.core.InvalidInputException naming the component that breaks a rule
         */
        public NewMention build() {
            return new NewMention(userId, memoryUnitId, conceptId, weight);
        }
    }
}
