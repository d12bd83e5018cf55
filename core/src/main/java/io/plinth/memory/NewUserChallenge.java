package io.plinth.memory;

import io.plinth.core.Check;
import io.plinth.core.Json;
import io.plinth.tenancy.UserId;
import java.time.Instant;

/** What it takes to create a {@link UserChallenge}; the store assigns the id, the times and version 0. */
public record NewUserChallenge(UserId userId, String challengeTemplateId, Instant completionTime, Json progressData) {
    public NewUserChallenge {
        Check.required("userId", userId);
        Check.text("challengeTemplateId", challengeTemplateId, 500);
        completionTime = Check.instant("completionTime", completionTime);
        progressData = Json.absentIfNull(progressData);
    }

    /**
     * A builder of a {@code NewUserChallenge}: each component is set by its name, so that two values of one
     * type cannot change places unnoticed.
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Sets the components of a {@link NewUserChallenge} by name. A component not set is null, false or 0;
     * {@link #build()} validates as the canonical constructor does. Not thread-safe; one builder may
     * build several records.
     */
    public static final class Builder {
        private UserId userId;
        private String challengeTemplateId;
        private Instant completionTime;
        private Json progressData;

        private Builder() {
        }

        /** Sets {@link NewUserChallenge#userId()}. */
        public Builder userId(UserId userId) {
            this.userId = userId;
            return this;
        }

        /** Sets {@link NewUserChallenge#challengeTemplateId()}. */
        public Builder challengeTemplateId(String challengeTemplateId) {
            this.challengeTemplateId = challengeTemplateId;
            return this;
        }

        /** Sets {@link NewUserChallenge#completionTime()}. */
        public Builder completionTime(Instant completionTime) {
            this.completionTime = completionTime;
            return this;
        }

        /** Sets {@link NewUserChallenge#progressData()}. */
        public Builder progressData(Json progressData) {
            this.progressData = progressData;
            return this;
        }

        /**
         * The {@code NewUserChallenge} of the components set.
         *
         * @throws io.plinth.core.InvalidInputException naming the component that breaks a rule
         */
        public NewUserChallenge build() {
            return new NewUserChallenge(userId, challengeTemplateId, completionTime, progressData);
        }
    }
}
