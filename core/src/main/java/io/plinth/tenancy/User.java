package io.plinth.tenancy;

import io.plinth.core.Check;
import java.time.Instant;

/**
 * The canonical user shared by all seeds (table {@code users}). Immutable; change it with the
 * {@code with…} methods and {@link UserRepository#update(User)}.
 *
 * @param version optimistic-lock version; an update must carry the version it read
 */
public record User(UserId id, String email, String name, PasswordHash passwordHash, UserStatus status,
                   Instant createdAt, Instant updatedAt, long version) {
    /** Longest accepted display name. */
    public static final int MAX_NAME = 200;

    public User {
        Check.required("id", id);
        Check.email("email", email);
        Check.optionalText("name", name, MAX_NAME);
        Check.required("status", status);
        Check.required("createdAt", createdAt);
        Check.required("updatedAt", updatedAt);
        Check.version(version);
    }

    public User withEmail(String newEmail) {
        return new User(id, newEmail, name, passwordHash, status, createdAt, updatedAt, version);
    }

    public User withName(String newName) {
        return new User(id, email, newName, passwordHash, status, createdAt, updatedAt, version);
    }

    public User withPasswordHash(PasswordHash newHash) {
        return new User(id, email, name, newHash, status, createdAt, updatedAt, version);
    }

    public User withStatus(UserStatus newStatus) {
        return new User(id, email, name, passwordHash, newStatus, createdAt, updatedAt, version);
    }
}
