package io.plinth.tenancy;

import io.plinth.core.ReadOnly;
import io.plinth.core.Page;
import io.plinth.core.PageRequest;
import java.util.Optional;

/**
 * Sessions, scoped by user: every call names the user, and another user's session is
 * {@link io.plinth.core.NotFoundException}.
 */
public interface UserSessionRepository {
    /** Opens a session; {@code expiresAt} must lie in the future. */
    UserSession create(NewUserSession session);

    @ReadOnly
    UserSession get(UserId userId, SessionId id);

    @ReadOnly
    Optional<UserSession> find(UserId userId, SessionId id);

    /** Saves device info and expiry if the version is current, and sets {@code lastActiveAt} to now. */
    UserSession update(UserSession session);

    void delete(UserId userId, SessionId id);

    /** All of the user's sessions, expired or not, in id order. */
    @ReadOnly
    Page<UserSession> list(UserId userId, PageRequest page);

    /** The user's sessions that have not expired yet, in id order. */
    @ReadOnly
    Page<UserSession> listLive(UserId userId, PageRequest page);
}
