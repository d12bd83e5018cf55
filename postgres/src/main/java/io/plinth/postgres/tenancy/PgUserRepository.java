package io.plinth.postgres.tenancy;

import io.plinth.core.Check;
import io.plinth.core.Page;
import io.plinth.core.PageRequest;
import io.plinth.postgres.sql.Rows;
import io.plinth.tenancy.Emails;
import io.plinth.tenancy.NewUser;
import io.plinth.tenancy.PasswordHash;
import io.plinth.tenancy.User;
import io.plinth.tenancy.UserId;
import io.plinth.tenancy.UserRepository;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * {@link UserRepository} on table {@code users}. Email uniqueness ignoring case is the unique
 * index on {@code lower(email COLLATE "C")} ({@link Emails}); the refusal to delete a workspace
 * owner is the {@code ON DELETE RESTRICT} of {@code workspaces.owner_id}.
 */
public final class PgUserRepository implements UserRepository {
    private final UserDao dao;
    private final Supplier<Instant> now;

    /** Binds the repository to the handle of one unit of work; {@code now} is the store's clock. */
    public PgUserRepository(Handle handle, Supplier<Instant> now) {
        this.dao = handle.attach(UserDao.class);
        this.now = now;
    }

    @Override
    public User create(NewUser user) {
        Check.required("user", user);
        return dao.insert(UserId.generate().value(), user.email(), user.name(), hash(user.passwordHash()), now.get());
    }

    @Override
    public User get(UserId id) {
        return Rows.found(find(id), "user", id);
    }

    @Override
    public Optional<User> find(UserId id) {
        Check.required("id", id);
        return dao.find(id.value());
    }

    @Override
    public Optional<User> findByEmail(String email) {
        Check.required("email", email);
        return dao.findByEmail(Emails.key(email));
    }

    @Override
    public User update(User user) {
        Check.required("user", user);
        return Rows.updated(dao.update(user.id().value(), user.version(), user.email(), user.name(),
                        hash(user.passwordHash()), TenancyPlugin.spelling(user.status()), now.get()),
                "user", user.id(), () -> dao.exists(user.id().value()));
    }

    @Override
    public void delete(UserId id) {
        Check.required("id", id);
        Rows.deleted(dao.delete(id.value()), "user", id);
    }

    @Override
    public Page<User> list(PageRequest page) {
        Check.required("page", page);
        return Rows.page(page, dao::list, u -> u.id().value());
    }

    private static String hash(PasswordHash hash) {
        return hash == null ? null : hash.value();
    }
}
