package io.plinth.tenancy;

import io.plinth.core.Check;

/**
 * A password hash produced by the application (bcrypt, argon2, …). Plinth never sees a password,
 * stores only the hash, and never prints it: {@link #toString()} is masked.
 */
public record PasswordHash(String value) {
    public PasswordHash {
        Check.text("passwordHash", value, 255);
    }

    @Override
    public String toString() {
        return "PasswordHash[****]";
    }
}
