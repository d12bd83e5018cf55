package io.plinth.postgres.tenancy;

import io.plinth.postgres.PgTableRepository;
import io.plinth.tenancy.Emails;
import io.plinth.tenancy.NewUser;
import io.plinth.tenancy.TenancyTables;
import io.plinth.tenancy.User;
import io.plinth.tenancy.UserId;
import io.plinth.tenancy.UserRepository;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import io.plinth.postgres.PgSession;
import org.jdbi.v3.core.Handle;

/**
 * {@link UserRepository} on table {@code users}: the declared calls, and the look-up by email on the
 * expression of the unique index {@code users_email_lower_key} ({@link Emails}). The refusal to
 * delete a workspace owner is the {@code ON DELETE RESTRICT} of {@code workspaces.owner_id}; the
 * other cascades are the foreign keys'.
 */
public final class PgUserRepository extends PgTableRepository<UserId, NewUser, User> implements UserRepository {
    /** Binds the repository to the session of one unit of work; {@code now} is the store's clock. */
    public PgUserRepository(PgSession session, Supplier<Instant> now) {
        super(session, TenancyTables.USERS, now);
    }

    @Override
    public Optional<User> findByEmail(String email) {
        return handle().createQuery(sql.selectWhere("lower(email COLLATE \"C\") = :key")).bind("key", Emails.key(email))
                .map(sql.mapper()).findOne();
    }
}
