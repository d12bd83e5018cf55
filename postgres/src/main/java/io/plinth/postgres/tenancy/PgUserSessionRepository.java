package io.plinth.postgres.tenancy;

import io.plinth.core.Check;
import io.plinth.core.Page;
import io.plinth.core.PageRequest;
import io.plinth.postgres.sql.Rows;
import io.plinth.tenancy.NewUserSession;
import io.plinth.tenancy.SessionId;
import io.plinth.tenancy.UserId;
import io.plinth.tenancy.UserSession;
import io.plinth.tenancy.UserSessionRepository;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * {@link UserSessionRepository} on table {@code user_sessions}; every statement is scoped by
 * {@code user_id}, so another user's session is never found.
 */
public final class PgUserSessionRepository implements UserSessionRepository {
    private final UserSessionDao dao;
    private final Supplier<Instant> now;

    /** Binds the repository to the handle of one unit of work; {@code now} is the store's clock. */
    public PgUserSessionRepository(Handle handle, Supplier<Instant> now) {
        this.dao = handle.attach(UserSessionDao.class);
        this.now = now;
    }

    @Override
    public UserSession create(NewUserSession session) {
        Check.required("session", session);
        Instant at = now.get();
        Check.future("expiresAt", session.expiresAt(), at);
        return dao.insert(SessionId.generate().value(), session.userId().value(), session.deviceInfo(),
                session.ipAddress(), session.userAgent(), session.expiresAt(), at);
    }

    @Override
    public UserSession get(UserId userId, SessionId id) {
        return Rows.found(find(userId, id), "session", id);
    }

    @Override
    public Optional<UserSession> find(UserId userId, SessionId id) {
        Check.required("userId", userId);
        Check.required("id", id);
        return dao.find(userId.value(), id.value());
    }

    @Override
    public UserSession update(UserSession session) {
        Check.required("session", session);
        return Rows.updated(dao.update(session.userId().value(), session.id().value(), session.version(),
                        session.deviceInfo(), session.expiresAt(), now.get()),
                "session", session.id(), () -> dao.exists(session.userId().value(), session.id().value()));
    }

    @Override
    public void delete(UserId userId, SessionId id) {
        Check.required("userId", userId);
        Check.required("id", id);
        Rows.deleted(dao.delete(userId.value(), id.value()), "session", id);
    }

    @Override
    public Page<UserSession> list(UserId userId, PageRequest page) {
        Check.required("userId", userId);
        Check.required("page", page);
        return Rows.page(page, (after, limit) -> dao.list(userId.value(), after, limit), s -> s.id().value());
    }

    @Override
    public Page<UserSession> listLive(UserId userId, PageRequest page) {
        Check.required("userId", userId);
        Check.required("page", page);
        Instant at = now.get();
        return Rows.page(page, (after, limit) -> dao.listLive(userId.value(), at, after, limit), s -> s.id().value());
    }
}
