package io.plinth.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.plinth.core.ConflictException;
import io.plinth.core.InvalidInputException;
import io.plinth.core.NotFoundException;
import io.plinth.core.RetryPolicy;
import io.plinth.core.RetryableException;
import io.plinth.core.StoreUnavailableException;
import io.plinth.postgres.sql.DatabaseFailure;
import io.plinth.postgres.sql.SqlErrors;
import io.plinth.tenancy.NewUser;
import io.plinth.tenancy.NewWorkspace;
import io.plinth.tenancy.PasswordHash;
import io.plinth.tenancy.User;
import io.plinth.tenancy.UserId;
import io.plinth.testkit.Leaks;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Issue 10, "secrets never leave": every error path is triggered with a known secret — a password
 * hash bound as an argument and shown by the server's "Failing row contains (…)", a password in a
 * JDBC URL's query and user-info, a wrong password — and the secret is searched for in everything
 * thrown (messages, causes, suppressed, stack traces), printed and logged.
 *
 * <p>Runs on a database of its own on the test server ({@code plinth_secrets}), whose users table
 * gets test-only rules (a CHECK, a trigger nulling a NOT NULL column, a trigger inserting an orphan),
 * so that the server reports each kind of violation for a row holding the hash.
 */
class SecretsTest {
    private static final String HASH = "$argon2id$v=19$m=65536,t=3,p=4$SECRET-HASH-1234$c2VjcmV0aGFzaA";
    private static final String OTHER_HASH = "$argon2id$v=19$m=65536,t=3,p=4$SECRET-HASH-5678$b3RoZXJoYXNo";
    private static final String URL_PASSWORD = "SECRET-URL-PW-2468";
    private static final String WRONG_PASSWORD = "SECRET-WRONG-PW-1357";
    private static final String RIGHT_PASSWORD = "SECRET-RIGHT-PW-9753";
    private static final String WORKSPACE_NAME = "SECRET-WORKSPACE-NAME-8642";
    private static final String[] SECRETS = {"SECRET-HASH-1234", "SECRET-HASH-5678", URL_PASSWORD, WRONG_PASSWORD,
        RIGHT_PASSWORD, WORKSPACE_NAME};
    private static final String DATABASE = "plinth_secrets";

    private static String url;
    private static PostgresStore store;

    @BeforeAll
    static void createDatabase() {
        execute(TestDatabase.dataSource(), "DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)",
                "CREATE DATABASE " + DATABASE);
        url = TestDatabase.jdbcUrl().replaceFirst("(//[^/]+/)[^?]*", "$1" + DATABASE);
        try (Leaks leaks = Leaks.capture()) {
            // a password in the URL's query (the test server trusts, so any password connects)
            store = PostgresStore.builder().jdbcUrl(url + (url.contains("?") ? "&" : "?") + "password=" + URL_PASSWORD)
                    .retryPolicy(new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(1))).build();
            assertTrue(!store.toString().contains(URL_PASSWORD), store.toString());
            store.users().list(io.plinth.core.PageRequest.first());
            leaks.assertNotPrinted(SECRETS);
        }
        execute(store.dataSource(),
                "ALTER TABLE users ADD CONSTRAINT users_name_secret_check CHECK (name IS DISTINCT FROM 'Check Me')",
                "CREATE TABLE secret_orphans (user_id uuid NOT NULL REFERENCES users (user_id))",
                """
                CREATE FUNCTION secret_test_rules() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.name = 'Null Me' THEN NEW.region := NULL; END IF;
                    IF NEW.name = 'Orphan Me' THEN INSERT INTO secret_orphans VALUES (gen_random_uuid()); END IF;
                    RETURN NEW;
                END $$""",
                "CREATE TRIGGER secret_test_rules BEFORE INSERT OR UPDATE ON users FOR EACH ROW EXECUTE FUNCTION secret_test_rules()");
    }

    @AfterAll
    static void dropDatabase() {
        if (store != null) {
            store.close();
        }
        execute(TestDatabase.dataSource(), "DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
    }

    @Test
    void aTakenEmailWithAHashBound() {
        store.users().create(new NewUser("taken@example.com", "Taken", new PasswordHash(HASH)));
        ConflictException e = fails(ConflictException.class,
                () -> store.users().create(new NewUser("TAKEN@example.com", "Again", new PasswordHash(OTHER_HASH))));
        assertEquals("email TAKEN@example.com is already in use", e.getMessage(), "the caller's own email, as given");
        DatabaseFailure cause = assertInstanceOf(DatabaseFailure.class, e.getCause());
        assertEquals("23505", cause.getSQLState());
        assertEquals("users_email_lower_key", cause.constraint());
    }

    @Test
    void aBrokenCheckShowingTheFailingRow() {
        InvalidInputException e = fails(InvalidInputException.class,
                () -> store.users().create(new NewUser("check@example.com", "Check Me", new PasswordHash(HASH))));
        assertEquals("23514", ((DatabaseFailure) e.getCause()).getSQLState());
    }

    @Test
    void aBrokenCheckOnUpdateWithANewHash() {
        User user = store.users().create(new NewUser("update@example.com", "Update", new PasswordHash(HASH)));
        fails(InvalidInputException.class,
                () -> store.users().update(user.withName("Check Me").withPasswordHash(new PasswordHash(OTHER_HASH))));
        fails(InvalidInputException.class, () -> store.inTransaction(tx ->
                tx.users().update(user.withName("Check Me").withPasswordHash(new PasswordHash(OTHER_HASH)))));
    }

    @Test
    void aNullInANotNullColumnShowingTheFailingRow() {
        InvalidInputException e = fails(InvalidInputException.class,
                () -> store.users().create(new NewUser("null@example.com", "Null Me", new PasswordHash(HASH))));
        assertEquals("region", e.field());
    }

    @Test
    void aMissingParentWhileAHashIsBound() {
        fails(NotFoundException.class,
                () -> store.users().create(new NewUser("orphan@example.com", "Orphan Me", new PasswordHash(HASH))));
    }

    @Test
    void aMissingOwnerAndAStillReferencedUser() {
        fails(NotFoundException.class,
                () -> store.workspaces().create(NewWorkspace.of(WORKSPACE_NAME, new UserId(UUID.randomUUID()))));
        User owner = store.users().create(new NewUser("owner@example.com", "Owner", new PasswordHash(HASH)));
        store.workspaces().create(NewWorkspace.of(WORKSPACE_NAME, owner.id()));
        fails(ConflictException.class, () -> store.users().delete(owner.id()));
    }

    @Test
    void aStatementTimeoutAndALockTimeout() throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(2);
        config.setConnectionInitSql("SET statement_timeout = '300ms'");
        HikariConfig locking = new HikariConfig();
        locking.setJdbcUrl(url);
        locking.setMaximumPoolSize(2);
        locking.setConnectionInitSql("SET lock_timeout = '300ms'");
        try (HikariDataSource timeouts = new HikariDataSource(config);
             HikariDataSource locks = new HikariDataSource(locking);
             PostgresStore slow = PostgresStore.builder().dataSource(timeouts).migrate(false).build();
             PostgresStore waiting = PostgresStore.builder().dataSource(locks).migrate(false)
                     .retryPolicy(new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(1))).build();
             Connection holder = store.dataSource().getConnection();
             Statement lock = holder.createStatement()) {
            holder.setAutoCommit(false);
            lock.execute("LOCK TABLE users IN ACCESS EXCLUSIVE MODE");
            try {
                IllegalStateException timedOut = fails(IllegalStateException.class,
                        () -> slow.users().create(new NewUser("slow@example.com", "Slow", new PasswordHash(HASH))));
                assertTrue(timedOut.getMessage().contains("57014"), timedOut.getMessage());
                fails(RetryableException.class,
                        () -> waiting.users().create(new NewUser("wait@example.com", "Wait", new PasswordHash(HASH))));
            } finally {
                holder.rollback();
            }
        }
    }

    @Test
    void anUnreachableServerWithAPasswordInTheUrl() {
        StoreUnavailableException e = fails(StoreUnavailableException.class, () -> PostgresStore.builder()
                .jdbcUrl("jdbc:postgresql://127.0.0.1:1/app?user=app&password=" + URL_PASSWORD + "&connectTimeout=2")
                .build());
        assertTrue(e.getMessage().contains("127.0.0.1:1"), e.getMessage());
        fails(StoreUnavailableException.class, () -> PostgresStore.builder()
                .jdbcUrl("jdbc:postgresql://nohost.invalid:5432/app?password=" + URL_PASSWORD).password(WRONG_PASSWORD)
                .build());
    }

    @Test
    void aUrlWithUserInfoIsRefusedWithoutShowingIt() {
        for (String bad : new String[] {"jdbc:postgresql://app:" + URL_PASSWORD + "@127.0.0.1:1/app",
            "jdbc:postgresql://app:" + URL_PASSWORD + "@127.0.0.1/app", "jdbc:postgresql://app:" + URL_PASSWORD
                    + "@nohost.invalid:5432/app?sslpassword=" + WRONG_PASSWORD}) {
            InvalidInputException e = fails(InvalidInputException.class, () -> PostgresStore.builder().jdbcUrl(bad).build());
            assertEquals("jdbcUrl", e.field());
        }
        fails(InvalidInputException.class, () -> PostgresStore.builder()
                .jdbcUrl("mysql://app:" + URL_PASSWORD + "@localhost/app?password=" + URL_PASSWORD).build());
    }

    @Test
    void failuresMadeByHandAreSanitisedToo() {
        SQLException sql = new SQLException("connect failed for jdbc:postgresql://u:" + URL_PASSWORD
                + "@h/db?password=" + URL_PASSWORD, "08001");
        try (Leaks leaks = Leaks.capture()) {
            leaks.assertNowhere(SqlErrors.map(sql), SECRETS);
            leaks.assertNowhere(SqlErrors.map(new SQLException("syntax error near '" + URL_PASSWORD + "' password="
                    + URL_PASSWORD, "42601")), "password=" + URL_PASSWORD);
        }
    }

    /** A server asking for passwords (scram-sha-256), and a wrong password: the store fails saying so, only. */
    @Test
    void aWrongPassword() throws IOException {
        try (EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setDataDirectoryCustomizer(dir -> writeHba(dir.toPath().resolve("pg_hba.conf")))
                .start()) {
            execute(server.getPostgresDatabase(), "SET password_encryption = 'scram-sha-256'",
                    "CREATE ROLE secretive LOGIN PASSWORD '" + RIGHT_PASSWORD + "'");
            String base = "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/postgres?user=secretive";
            StoreUnavailableException inUrl = fails(StoreUnavailableException.class,
                    () -> PostgresStore.builder().jdbcUrl(base + "&password=" + WRONG_PASSWORD).build());
            assertTrue(inUrl.getMessage().contains("28P01"), inUrl.getMessage());
            fails(StoreUnavailableException.class,
                    () -> PostgresStore.builder().jdbcUrl(base).password(WRONG_PASSWORD).build());
            // the right password in the URL's query connects: it reached the driver as a property
            try (Leaks leaks = Leaks.capture();
                 PostgresStore right = PostgresStore.builder().jdbcUrl(base + "&password=" + RIGHT_PASSWORD)
                         .migrate(false).build()) {
                assertTrue(!right.toString().contains(RIGHT_PASSWORD));
                leaks.assertNotPrinted(SECRETS);
            }
        }
    }

    private static void writeHba(java.nio.file.Path file) {
        try {
            Files.writeString(file, """
                    local all all trust
                    host all postgres 127.0.0.1/32 trust
                    host all postgres ::1/128 trust
                    host all all 127.0.0.1/32 scram-sha-256
                    host all all ::1/128 scram-sha-256
                    """);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Runs the call, which must fail with {@code type}, and checks no secret left with it. */
    private static <T extends Throwable> T fails(Class<T> type, Executable call) {
        try (Leaks leaks = Leaks.capture()) {
            T failure = assertThrows(type, call);
            leaks.assertNowhere(failure, SECRETS);
            return failure;
        }
    }

    private static void execute(javax.sql.DataSource dataSource, String... statements) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
