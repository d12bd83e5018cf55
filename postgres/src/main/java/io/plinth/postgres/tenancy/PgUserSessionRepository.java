package io.plinth.postgres.tenancy;

import io.plinth.core.Check;
import io.plinth.core.Page;
import io.plinth.core.PageRequest;
import io.plinth.postgres.PgCrudRepository;
import io.plinth.tenancy.NewUserSession;
import io.plinth.tenancy.SessionId;
import io.plinth.tenancy.TenancyTables;
import io.plinth.tenancy.UserId;
import io.plinth.tenancy.UserSession;
import io.plinth.tenancy.UserSessionRepository;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;
import io.plinth.postgres.PgSession;
import org.jdbi.v3.core.Handle;

/** {@link UserSessionRepository} on table {@code user_sessions}: the declared calls, a future expiry, the live sessions. */
public final class PgUserSessionRepository extends PgCrudRepository<UserId, SessionId, NewUserSession, UserSession>
        implements UserSessionRepository {
    /** Binds the repository to the session of one unit of work; {@code now} is the store's clock. */
    public PgUserSessionRepository(PgSession session, Supplier<Instant> now) {
        super(session, TenancyTables.USER_SESSIONS, now);
    }

    @Override
    public UserSession create(NewUserSession session) {
        Check.future("expiresAt", session.expiresAt(), now.get());
        return super.create(session);
    }

    @Override
    public Page<UserSession> listLive(UserId userId, PageRequest page) {
        UUID after = page.afterKey() == null ? new UUID(0, 0) : page.afterKey();
        return Page.of(handle().createQuery(sql.selectWhere(
                        "user_id = :userId AND expires_at > :now AND session_id > :after ORDER BY session_id LIMIT <limit>"))
                .bind("userId", userId.value()).bind("now", now.get()).bind("after", after).define("limit", page.limit() + 1)
                .map(sql.mapper()).list(), page.limit(), s -> s.id().value());
    }
}
