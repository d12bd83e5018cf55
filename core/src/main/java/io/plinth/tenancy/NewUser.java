package io.plinth.tenancy;

import io.plinth.core.Check;

/**
 * What it takes to create a {@link User}. The store assigns the id, the times and version 0.
 *
 * @param email        required; unique among users ignoring the case of ASCII letters ({@link Emails})
 * @param name         optional display name, at most 200 characters
 * @param passwordHash optional; a hash, never a password
 */
public record NewUser(String email, String name, PasswordHash passwordHash) {
    public NewUser {
        Check.email("email", email);
        Check.optionalText("name", name, User.MAX_NAME);
    }

    /** A user without a password (signs in through an identity provider). */
    public static NewUser of(String email, String name) {
        return new NewUser(email, name, null);
    }
}
