package io.plinth.memory;

import io.plinth.core.Check;
import io.plinth.core.Json;
import io.plinth.tenancy.UserId;
import java.util.UUID;

/** What it takes to create a {@link Card}; the store assigns the id, the times and version 0. */
public record NewCard(UserId userId, String cardType, UUID sourceEntityId, CardSourceType sourceEntityType,
                      Json displayData) {
    public NewCard {
        Check.required("userId", userId);
        Check.text("cardType", cardType, 500);
        Check.required("sourceEntityId", sourceEntityId);
        Check.required("sourceEntityType", sourceEntityType);
        displayData = Json.absentIfNull(displayData);
    }

    /**
     * A builder of a {@code NewCard}: each component is set by its name, so that two values of one
     * type cannot change places unnoticed.
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Sets the components of a {@link NewCard} by name. A component not set is null, false or 0;
     * {@link #build()} validates as the canonical constructor does. Not thread-safe; one builder may
     * build several records.
     */
    public static final class Builder {
        private UserId userId;
        private String cardType;
        private UUID sourceEntityId;
        private CardSourceType sourceEntityType;
        private Json displayData;

        private Builder() {
        }

        /** Sets {@link NewCard#userId()}. */
        public Builder userId(UserId userId) {
            this.userId = userId;
            return this;
        }

        /** Sets {@link NewCard#cardType()}. */
        public Builder cardType(String cardType) {
            this.cardType = cardType;
            return this;
        }

        /** Sets {@link NewCard#sourceEntityId()}. */
        public Builder sourceEntityId(UUID sourceEntityId) {
            this.sourceEntityId = sourceEntityId;
            return this;
        }

        /** Sets {@link NewCard#sourceEntityType()}. */
        public Builder sourceEntityType(CardSourceType sourceEntityType) {
            this.sourceEntityType = sourceEntityType;
            return this;
        }

        /** Sets {@link NewCard#displayData()}. */
        public Builder displayData(Json displayData) {
            this.displayData = displayData;
            return this;
        }

        /**
         * The {@code NewCard} of the components set.
         *
         * @throws io.plinth.core.InvalidInputException naming the component that breaks a rule
         */
        public NewCard build() {
            return new NewCard(userId, cardType, sourceEntityId, sourceEntityType, displayData);
        }
    }
}
