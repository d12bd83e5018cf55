package io.plinth.testkit.tenancy;

import io.plinth.tenancy.Emails;
import io.plinth.tenancy.NewUser;
import io.plinth.tenancy.TenancyTables;
import io.plinth.tenancy.User;
import io.plinth.tenancy.UserId;
import io.plinth.tenancy.UserRepository;
import io.plinth.testkit.MemTableRepository;
import io.plinth.testkit.Tables;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * In-memory {@link UserRepository}: the declared calls (the declared foreign keys cascade a user's
 * deletion, or refuse it while they own a workspace), the look-up by email through the index of
 * {@code users_email_lower_key}, and the pulse profile, which is hand-written.
 */
public final class MemUserRepository extends MemTableRepository<UserId, NewUser, User> implements UserRepository {
    public MemUserRepository(Tables tables, Supplier<Instant> now) {
        super(tables, TenancyTables.USERS, now);
    }

    @Override
    public Optional<User> findByEmail(String email) {
        UUID id = rows.findByKey("users_email_lower_key", List.of(Emails.key(email)));
        return Optional.ofNullable(id == null ? null : rows.get(id));
    }

    @Override
    public void delete(UserId id) {
        super.delete(id);
        tables.remove(tables.pulseProfiles, id.value());
    }
}
