package io.plinth.memory;

import io.plinth.core.Check;
import io.plinth.tenancy.UserId;

/**
 * What it takes to relate one concept to another ({@link ConceptRelation}).
 *
 * @param weight     in (0, 1]
 * @param provenance required, at most {@value ConceptRelation#MAX_PROVENANCE} characters
 */
public record NewConceptRelation(UserId userId, ConceptId fromConceptId, ConceptId toConceptId, double weight,
                                 String provenance) {
    public NewConceptRelation {
        Check.required("userId", userId);
        ConceptRelation.validate(fromConceptId, toConceptId, weight, provenance);
    }

    /**
     * A builder of a {@code NewConceptRelation}: each component is set by its name, so that two values of one
     * type cannot change places unnoticed.
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Sets the components of a {@link NewConceptRelation} by name. A component not set is null, false or 0;
     * {@link #build()} validates as the canonical constructor does. Not thread-safe; one builder may
     * build several records.
     */
    public static final class Builder {
        private UserId userId;
        private ConceptId fromConceptId;
        private ConceptId toConceptId;
        private double weight;
        private String provenance;

        private Builder() {
        }

        /** Sets {@link NewConceptRelation#userId()}. */
        public Builder userId(UserId userId) {
            this.userId = userId;
            return this;
        }

        /** Sets {@link NewConceptRelation#fromConceptId()}. */
        public Builder fromConceptId(ConceptId fromConceptId) {
            this.fromConceptId = fromConceptId;
            return this;
        }

        /** Sets {@link NewConceptRelation#toConceptId()}. */
        public Builder toConceptId(ConceptId toConceptId) {
            this.toConceptId = toConceptId;
            return this;
        }

        /** Sets {@link NewConceptRelation#weight()}. */
        public Builder weight(double weight) {
            this.weight = weight;
            return this;
        }

        /** Sets {@link NewConceptRelation#provenance()}. */
        public Builder provenance(String provenance) {
            this.provenance = provenance;
            return this;
        }

        /**
         * The {@code NewConceptRelation} of the components set.
         *
         * @throws io.plinth.core.InvalidInputException naming the component that breaks a rule
         */
        public NewConceptRelation build() {
            return new NewConceptRelation(userId, fromConceptId, toConceptId, weight, provenance);
        }
    }
}
