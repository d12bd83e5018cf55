package io.plinth.testkit.tenancy;

import io.plinth.testkit.Rows;
import io.plinth.testkit.Tables;

import io.plinth.core.Check;
import io.plinth.core.ConflictException;
import io.plinth.core.NotFoundException;
import io.plinth.core.Page;
import io.plinth.core.PageRequest;
import io.plinth.tenancy.Emails;
import io.plinth.tenancy.NewUser;
import io.plinth.tenancy.User;
import io.plinth.tenancy.UserId;
import io.plinth.tenancy.UserRepository;
import io.plinth.tenancy.UserStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/** In-memory {@link UserRepository}. */
public final class MemUserRepository implements UserRepository {
    private final Tables t;
    private final Supplier<Instant> now;

    public MemUserRepository(Tables tables, Supplier<Instant> now) {
        this.t = tables;
        this.now = now;
    }

    @Override
    public User create(NewUser user) {
        Check.required("user", user);
        requireFreeEmail(user.email(), null);
        Instant at = now.get();
        User created = new User(UserId.generate(), user.email(), user.name(), user.passwordHash(),
                UserStatus.ACTIVE, at, at, 0);
        t.put(t.users, created.id().value(), created);
        return created;
    }

    @Override
    public User get(UserId id) {
        return find(id).orElseThrow(() -> new NotFoundException("user", id));
    }

    @Override
    public Optional<User> find(UserId id) {
        Check.required("id", id);
        return Optional.ofNullable(t.users.get(id.value()));
    }

    @Override
    public Optional<User> findByEmail(String email) {
        Check.required("email", email);
        String wanted = Emails.key(email);
        return t.users.values().stream().filter(u -> Emails.key(u.email()).equals(wanted)).findFirst();
    }

    @Override
    public User update(User user) {
        Check.required("user", user);
        User stored = t.users.get(user.id().value());
        Rows.current(stored, stored == null ? -1 : stored.version(), user.version(), "user", user.id());
        requireFreeEmail(user.email(), user.id().value());
        User updated = new User(user.id(), user.email(), user.name(), user.passwordHash(), user.status(),
                stored.createdAt(), now.get(), stored.version() + 1);
        t.put(t.users, updated.id().value(), updated);
        return updated;
    }

    @Override
    public void delete(UserId id) {
        get(id);
        UUID key = id.value();
        t.remove(t.users, key);
        t.deleted("users", key);
        t.remove(t.pulseProfiles, key);
        t.remove(t.cycles, key);
    }

    @Override
    public Page<User> list(PageRequest page) {
        Check.required("page", page);
        return Rows.page(t.users.values().stream(), page, u -> u.id().value());
    }

    private void requireFreeEmail(String email, UUID except) {
        String wanted = Emails.key(email);
        for (User u : t.users.values()) {
            if (!u.id().value().equals(except) && Emails.key(u.email()).equals(wanted)) {
                throw new ConflictException("email " + email + " is already in use");
            }
        }
    }
}
