package io.plinth.tenancy;

import io.plinth.core.ReadOnly;
import io.plinth.core.Page;
import io.plinth.core.PageRequest;
import java.util.Optional;

/**
 * Users. Emails are unique ignoring the case of ASCII letters ({@link Emails}). Deleting a user deletes their sessions and memberships,
 * clears {@code createdBy} of their projects, and is refused while they own a workspace.
 */
public interface UserRepository {
    /** Creates a user; a taken email (in any case) is a {@link io.plinth.core.ConflictException}. */
    User create(NewUser user);

    /** The user, or a {@link io.plinth.core.NotFoundException}. */
    @ReadOnly
    User get(UserId id);

    @ReadOnly
    Optional<User> find(UserId id);

    /** The user with this email, compared as {@link Emails#key} does. */
    @ReadOnly
    Optional<User> findByEmail(String email);

    /** Saves changed fields if {@code user.version()} is still current; returns the user with the next version. */
    User update(User user);

    /** Deletes the user and what cascades from it. */
    void delete(UserId id);

    /** All users in id (creation) order. */
    @ReadOnly
    Page<User> list(PageRequest page);
}
