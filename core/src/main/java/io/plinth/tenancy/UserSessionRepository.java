package io.plinth.tenancy;

import io.plinth.core.CrudRepository;
import io.plinth.core.Page;
import io.plinth.core.PageRequest;
import io.plinth.core.ReadOnly;

/**
 * Sessions, scoped by user: every call names the user, and another user's session is
 * {@link io.plinth.core.NotFoundException}. {@code create} refuses an {@code expiresAt} that is not in
 * the future; {@code update} saves device info and expiry and sets {@code lastActiveAt} to now. The
 * declaration is {@link TenancyTables#USER_SESSIONS}.
 */
public interface UserSessionRepository extends CrudRepository<UserId, SessionId, NewUserSession, UserSession> {
    /** The user's sessions that have not expired yet, in id order. */
    @ReadOnly
    Page<UserSession> listLive(UserId userId, PageRequest page);
}
