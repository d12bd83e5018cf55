package io.plinth.tenancy;

import io.plinth.core.ReadOnly;
import io.plinth.core.TableRepository;
import java.util.Optional;

/**
 * Users (table {@code users}, {@link TenancyTables#USERS}). Emails are unique ignoring the case of ASCII
 * letters ({@link Emails}): a taken one is a {@link io.plinth.core.ConflictException}. Deleting a user
 * deletes their sessions, memberships, pulse profile and every row of theirs, clears {@code createdBy}
 * of their projects, and is refused while they own a workspace.
 */
public interface UserRepository extends TableRepository<UserId, NewUser, User> {
    /** The user with this email, compared as {@link Emails#key} does. */
    @ReadOnly
    Optional<User> findByEmail(String email);
}
