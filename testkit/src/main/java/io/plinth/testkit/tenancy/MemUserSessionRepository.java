package io.plinth.testkit.tenancy;

import io.plinth.core.Check;
import io.plinth.core.Page;
import io.plinth.core.PageRequest;
import io.plinth.tenancy.NewUserSession;
import io.plinth.tenancy.SessionId;
import io.plinth.tenancy.TenancyTables;
import io.plinth.tenancy.UserId;
import io.plinth.tenancy.UserSession;
import io.plinth.tenancy.UserSessionRepository;
import io.plinth.testkit.MemCrudRepository;
import io.plinth.testkit.Tables;
import java.time.Instant;
import java.util.function.Supplier;

/** In-memory {@link UserSessionRepository}: the declared calls, a future expiry, and the live sessions. */
public final class MemUserSessionRepository extends MemCrudRepository<UserId, SessionId, NewUserSession, UserSession>
        implements UserSessionRepository {
    public MemUserSessionRepository(Tables tables, Supplier<Instant> now) {
        super(tables, TenancyTables.USER_SESSIONS, now);
    }

    @Override
    public UserSession create(NewUserSession session) {
        Check.future("expiresAt", session.expiresAt(), now.get());
        return super.create(session);
    }

    @Override
    public Page<UserSession> listLive(UserId userId, PageRequest page) {
        Instant at = now.get();
        return Page.of(rows.list(userId.value(), page.afterKey(), page.limit() + 1, s -> s.isLiveAt(at)), page.limit(),
                s -> s.id().value());
    }
}
