package io.plinth.postgres.tenancy;

import io.plinth.postgres.sql.Columns;
import io.plinth.tenancy.PasswordHash;
import io.plinth.tenancy.User;
import io.plinth.tenancy.UserId;
import io.plinth.tenancy.UserStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.spi.JdbiPlugin;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Registers the row mappers of the tenancy context, and knows how its enums are spelled in the
 * database: account status in lower case ({@code active}), plan tiers as in seed 000
 * ({@code Apprentice}), roles in upper case ({@code ADMIN}).
 */
public final class TenancyPlugin implements JdbiPlugin {
    @Override
    public void customizeJdbi(Jdbi jdbi) {
        jdbi.registerRowMapper(User.class, TenancyPlugin::user);
    }

    static String spelling(UserStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    private static User user(ResultSet rs, StatementContext ctx) throws SQLException {
        String hash = rs.getString("hashed_password");
        return new User(Columns.id(rs, "user_id", UserId::new), rs.getString("email"), rs.getString("name"),
                hash == null ? null : new PasswordHash(hash),
                UserStatus.valueOf(rs.getString("account_status").toUpperCase(Locale.ROOT)),
                Columns.instant(rs, "created_at"), Columns.instant(rs, "updated_at"), rs.getLong("version"));
    }
}
