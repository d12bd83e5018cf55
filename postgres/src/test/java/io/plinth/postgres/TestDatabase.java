package io.plinth.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.plinth.core.RetryPolicy;
import io.plinth.core.Store;
import io.plinth.migrations.Migrations;
import io.plinth.tenancy.NewUser;
import io.plinth.tenancy.NewWorkspace;
import io.plinth.tenancy.Workspace;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import javax.sql.DataSource;

/**
 * One PostgreSQL database per test JVM: the one named by the environment variable
 * {@code PLINTH_TEST_JDBC_URL} when it is set (for example
 * {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}), else an {@link EmbeddedDatabase}
 * started on first use and stopped when the JVM exits. Migrated once.
 */
public final class TestDatabase {
    private static final String TABLES = "users, workspaces, workspace_members, projects, user_sessions, "
            + "ledger_accounts, ledger_transfers, ledger_entries, pulse_profiles, outbox, outbox_checkpoints"
            + io.plinth.core.table.Schema.TABLES.stream().map(t -> ", " + t.name()).collect(java.util.stream.Collectors.joining());
    private static String jdbcUrl;
    private static final DataSource DATA_SOURCE = open();

    private TestDatabase() {
    }

    /** The shared, migrated database (a pool). */
    public static DataSource dataSource() {
        return DATA_SOURCE;
    }

    /** The JDBC URL of the shared database (user included). */
    public static String jdbcUrl() {
        return jdbcUrl;
    }

    /** Empties every Plinth table and returns a store on the shared database with the given clock. */
    public static Store emptyStore(Clock clock) {
        truncate();
        return PostgresStore.builder()
                .dataSource(DATA_SOURCE)
                .migrate(false)
                .clock(clock)
                .retryPolicy(RetryPolicy.DEFAULT)
                .build();
    }

    /** A new workspace named {@code name}, with a new owner, made in one unit of work. */
    public static Workspace newWorkspace(Store store, String name) {
        String owner = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "") + "@example.com";
        return store.inTransaction(tx -> tx.workspaces().create(
                NewWorkspace.of(name, tx.users().create(NewUser.of(owner, name + " owner")).id())));
    }

    /**
     * Empties every Plinth table in one statement. The ledger's tables refuse TRUNCATE (migration V4)
     * by triggers; a superuser skips them for the statement with {@code session_replication_role =
     * replica}, which only a superuser (the tests' database user) may set, and resets it before
     * the connection goes back to the pool.
     */
    public static void truncate() {
        try (Connection c = DATA_SOURCE.getConnection(); Statement s = c.createStatement()) {
            s.execute("SET session_replication_role = replica");
            try {
                s.execute("TRUNCATE " + TABLES + " CASCADE");
            } finally {
                s.execute("RESET session_replication_role");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot empty the test database: " + e.getMessage(), e);
        }
    }

    private static DataSource open() {
        String url = System.getenv("PLINTH_TEST_JDBC_URL");
        EmbeddedDatabase embedded = null;
        if (url == null || url.isBlank()) {
            embedded = EmbeddedDatabase.start();
            url = embedded.jdbcUrl();
        }
        jdbcUrl = url;
        HikariConfig config = new HikariConfig();
        config.setPoolName("plinth-test");
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(20);
        HikariDataSource pool = new HikariDataSource(config);
        EmbeddedDatabase server = embedded;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            pool.close();
            if (server != null) {
                server.close();
            }
        }, "plinth-test-database-shutdown"));
        Migrations.apply(pool);
        return pool;
    }
}
