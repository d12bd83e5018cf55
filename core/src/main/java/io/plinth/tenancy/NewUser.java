package io.plinth.tenancy;

import io.plinth.core.Check;
import io.plinth.core.Json;

/**
 * What it takes to create a {@link User}. The store assigns the id, the times, status
 * {@link UserStatus#ACTIVE} and version 0; the cycle starts empty.
 *
 * @param email              required; unique among users ignoring the case of ASCII letters ({@link Emails})
 * @param name               optional display name, at most 200 characters
 * @param passwordHash       optional; a hash, never a password
 * @param region             required ({@link #of} and the three-argument constructor give seed 004's {@code us})
 * @param timezone           optional ({@code UTC} by default)
 * @param languagePreference optional ({@code en} by default)
 * @param profilePictureUrl  optional
 * @param preferences        optional JSON
 */
public record NewUser(String email, String name, PasswordHash passwordHash, String region, String timezone,
                      String languagePreference, String profilePictureUrl, Json preferences) {
    public NewUser {
        Check.email("email", email);
        Check.optionalText("name", name, User.MAX_NAME);
        Check.required("region", region);
        Check.storable("region", region);
        Check.storable("timezone", timezone);
        Check.storable("languagePreference", languagePreference);
        Check.storable("profilePictureUrl", profilePictureUrl);
        preferences = Json.absentIfNull(preferences);
    }

    /** A user with seed 004's defaults: region {@code us}, time zone {@code UTC}, language {@code en}. */
    public NewUser(String email, String name, PasswordHash passwordHash) {
        this(email, name, passwordHash, User.DEFAULT_REGION, User.DEFAULT_TIMEZONE, User.DEFAULT_LANGUAGE, null, null);
    }

    /** A user without a password (signs in through an identity provider), with seed 004's defaults. */
    public static NewUser of(String email, String name) {
        return new NewUser(email, name, null);
    }

    /**
     * A builder of a {@code NewUser}: each component is set by its name, so that two values of one
     * type cannot change places unnoticed.
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Sets the components of a {@link NewUser} by name. A component not set is null, but
     * {@code region}, {@code timezone} and {@code languagePreference} start at seed 004's defaults, as
     * in {@link NewUser#of}; {@link #build()} validates as the canonical constructor does. Not
     * thread-safe; one builder may build several records.
     */
    public static final class Builder {
        private String email;
        private String name;
        private PasswordHash passwordHash;
        private String region = User.DEFAULT_REGION;
        private String timezone = User.DEFAULT_TIMEZONE;
        private String languagePreference = User.DEFAULT_LANGUAGE;
        private String profilePictureUrl;
        private Json preferences;

        private Builder() {
        }

        /** Sets {@link NewUser#email()}. */
        public Builder email(String email) {
            this.email = email;
            return this;
        }

        /** Sets {@link NewUser#name()}. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** Sets {@link NewUser#passwordHash()}. */
        public Builder passwordHash(PasswordHash passwordHash) {
            this.passwordHash = passwordHash;
            return this;
        }

        /** Sets {@link NewUser#region()}. */
        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /** Sets {@link NewUser#timezone()}. */
        public Builder timezone(String timezone) {
            this.timezone = timezone;
            return this;
        }

        /** Sets {@link NewUser#languagePreference()}. */
        public Builder languagePreference(String languagePreference) {
            this.languagePreference = languagePreference;
            return this;
        }

        /** Sets {@link NewUser#profilePictureUrl()}. */
        public Builder profilePictureUrl(String profilePictureUrl) {
            this.profilePictureUrl = profilePictureUrl;
            return this;
        }

        /** Sets {@link NewUser#preferences()}. */
        public Builder preferences(Json preferences) {
            this.preferences = preferences;
            return this;
        }

        /**
         * The {@code NewUser} of the components set.
         *
         * @throws io.plinth.core.InvalidInputException naming the component that breaks a rule
         */
        public NewUser build() {
            return new NewUser(email, name, passwordHash, region, timezone, languagePreference,
                    profilePictureUrl, preferences);
        }
    }
}
