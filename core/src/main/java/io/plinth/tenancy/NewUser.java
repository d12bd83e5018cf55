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
}
