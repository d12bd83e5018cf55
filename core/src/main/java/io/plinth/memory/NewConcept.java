package io.plinth.memory;

import io.plinth.core.Check;
import io.plinth.tenancy.UserId;

/** What it takes to create a {@link Concept}; the store assigns the id, the times and version 0. */
public record NewConcept(UserId userId, String name, String type, String description, Double salience,
                         CommunityId communityId) {
    public NewConcept {
        Check.required("userId", userId);
        Check.text("name", name, 500);
        Check.text("type", type, 500);
        Concept.checkKey(name, type);
        Check.optionalText("description", description, 100000);
        Check.finite("salience", salience);
    }

    /**
     * A builder of a {@code NewConcept}: each component is set by its name, so that two values of one
     * type cannot change places unnoticed.
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Sets the components of a {@link NewConcept} by name. A component not set is null, false or 0;
     * {@link #build()} validates as the canonical constructor does. Not thread-safe; one builder may
     * build several records.
     */
    public static final class Builder {
        private UserId userId;
        private String name;
        private String type;
        private String description;
        private Double salience;
        private CommunityId communityId;

        private Builder() {
        }

        /** Sets {@link NewConcept#userId()}. */
        public Builder userId(UserId userId) {
            this.userId = userId;
            return this;
        }

        /** Sets {@link NewConcept#name()}. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** Sets {@link NewConcept#type()}. */
        public Builder type(String type) {
            this.type = type;
            return this;
        }

        /** Sets {@link NewConcept#description()}. */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /** Sets {@link NewConcept#salience()}. */
        public Builder salience(Double salience) {
            this.salience = salience;
            return this;
        }

        /** Sets {@link NewConcept#communityId()}. */
        public Builder communityId(CommunityId communityId) {
            this.communityId = communityId;
            return this;
        }

        /**
         * The {@code NewConcept} of the components set.
         *
         * @throws io.plinth.core.InvalidInputException naming the component that breaks a rule
         */
        public NewConcept build() {
            return new NewConcept(userId, name, type, description, salience, communityId);
        }
    }
}
