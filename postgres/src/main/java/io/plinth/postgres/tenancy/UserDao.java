package io.plinth.postgres.tenancy;

import io.plinth.tenancy.User;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL of {@link PgUserRepository}. */
interface UserDao {
    String COLUMNS = "user_id, email, name, hashed_password, account_status, created_at, updated_at, version";

    /** {@code last_active_at} is the seed's {@code @updatedAt}: set by every write of the row, as a Prisma client does. */
    @SqlQuery("INSERT INTO users (user_id, email, name, hashed_password, account_status, created_at, updated_at, "
            + "last_active_at, version) VALUES (:id, :email, :name, :hash, 'active', :now, :now, :now, 0) RETURNING " + COLUMNS)
    User insert(@Bind("id") UUID id, @Bind("email") String email, @Bind("name") String name,
                @Bind("hash") String hash, @Bind("now") Instant now);

    @SqlQuery("SELECT " + COLUMNS + " FROM users WHERE user_id = :id")
    Optional<User> find(@Bind("id") UUID id);

    /** {@code key} is {@link io.plinth.tenancy.Emails#key}; the expression is the unique index's. */
    @SqlQuery("SELECT " + COLUMNS + " FROM users WHERE lower(email COLLATE \"C\") = :key")
    Optional<User> findByEmail(@Bind("key") String key);

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM users WHERE user_id = :id)")
    boolean exists(@Bind("id") UUID id);

    @SqlQuery("UPDATE users SET email = :email, name = :name, hashed_password = :hash, account_status = :status, "
            + "updated_at = :now, last_active_at = :now, version = version + 1 "
            + "WHERE user_id = :id AND version = :version RETURNING " + COLUMNS)
    Optional<User> update(@Bind("id") UUID id, @Bind("version") long version, @Bind("email") String email,
                          @Bind("name") String name, @Bind("hash") String hash, @Bind("status") String status,
                          @Bind("now") Instant now);

    @SqlUpdate("DELETE FROM users WHERE user_id = :id")
    int delete(@Bind("id") UUID id);

    @SqlQuery("SELECT " + COLUMNS + " FROM users WHERE user_id > :after ORDER BY user_id LIMIT :limit")
    List<User> list(@Bind("after") UUID after, @Bind("limit") int limit);
}
