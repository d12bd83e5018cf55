package io.plinth.testkit.tenancy;

import io.plinth.testkit.Rows;
import io.plinth.testkit.Tables;

import io.plinth.core.Check;
import io.plinth.core.NotFoundException;
import io.plinth.core.Page;
import io.plinth.core.PageRequest;
import io.plinth.tenancy.NewUserSession;
import io.plinth.tenancy.SessionId;
import io.plinth.tenancy.UserId;
import io.plinth.tenancy.UserSession;
import io.plinth.tenancy.UserSessionRepository;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/** In-memory {@link UserSessionRepository}. */
public final class MemUserSessionRepository implements UserSessionRepository {
    private final Tables t;
    private final Supplier<Instant> now;

    public MemUserSessionRepository(Tables tables, Supplier<Instant> now) {
        this.t = tables;
        this.now = now;
    }

    @Override
    public UserSession create(NewUserSession session) {
        Check.required("session", session);
        Instant at = now.get();
        Check.future("expiresAt", session.expiresAt(), at);
        if (!t.users.containsKey(session.userId().value())) {
            throw new NotFoundException("user", session.userId());
        }
        UserSession created = new UserSession(SessionId.generate(), session.userId(), session.deviceInfo(),
                session.ipAddress(), session.userAgent(), at, session.expiresAt(), at, 0);
        t.put(t.sessions, created.id().value(), created);
        return created;
    }

    @Override
    public UserSession get(UserId userId, SessionId id) {
        return find(userId, id).orElseThrow(() -> new NotFoundException("session", id));
    }

    @Override
    public Optional<UserSession> find(UserId userId, SessionId id) {
        Check.required("userId", userId);
        Check.required("id", id);
        return Optional.ofNullable(t.sessions.get(id.value())).filter(s -> s.userId().equals(userId));
    }

    @Override
    public UserSession update(UserSession session) {
        Check.required("session", session);
        UserSession stored = find(session.userId(), session.id()).orElse(null);
        Rows.current(stored, stored == null ? -1 : stored.version(), session.version(), "session", session.id());
        UserSession updated = new UserSession(session.id(), session.userId(), session.deviceInfo(), stored.ipAddress(),
                stored.userAgent(), stored.createdAt(), session.expiresAt(), now.get(), stored.version() + 1);
        t.put(t.sessions, updated.id().value(), updated);
        return updated;
    }

    @Override
    public void delete(UserId userId, SessionId id) {
        get(userId, id);
        t.remove(t.sessions, id.value());
    }

    @Override
    public Page<UserSession> list(UserId userId, PageRequest page) {
        Check.required("userId", userId);
        Check.required("page", page);
        return Rows.page(t.sessions.values().stream().filter(s -> s.userId().equals(userId)), page, s -> s.id().value());
    }

    @Override
    public Page<UserSession> listLive(UserId userId, PageRequest page) {
        Check.required("userId", userId);
        Check.required("page", page);
        Instant at = now.get();
        return Rows.page(t.sessions.values().stream().filter(s -> s.userId().equals(userId) && s.isLiveAt(at)),
                page, s -> s.id().value());
    }
}
