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
 *
 * <p>Plinth is in {@code public}, unless the system property {@code plinth.test.schema} names
 * another schema: then the database is a new one on the same server ({@code <database>_adopted}) that
 * already holds an {@link ApplicationDatabase application's} tables of Plinth's names in
 * {@code public}, Plinth is migrated into the named schema beside them, and the pool's connections
 * resolve names in that schema alone (HikariCP's {@code schema}), as the store requires of a caller's
 * data source. The build runs the contract suite once so (postgres/pom.xml, execution
 * {@code contract-in-own-schema}).
 */
public final class TestDatabase {
    private static final String TABLES = "users, workspaces, workspace_members, projects, user_sessions, "
            + "ledger_accounts, ledger_transfers, ledger_entries, pulse_profiles, outbox, outbox_checkpoints"
            + io.plinth.core.table.Schema.TABLES.stream().map(t -> ", " + t.name()).collect(java.util.stream.Collectors.joining());
    /** The schema Plinth is in for this JVM's tests. */
    public static final String SCHEMA = System.getProperty("plinth.test.schema", Migrations.DEFAULT_SCHEMA);
    private static String jdbcUrl;
    private static final DataSource DATA_SOURCE = open();

    private TestDatabase() {
    }

    /** The shared, migrated database (a pool). */
    public static DataSource dataSource() {
        return DATA_SOURCE;
    }

    /** The JDBC URL of the shared database (user included; no schema in it). */
    public static String jdbcUrl() {
        return jdbcUrl;
    }

    /** Empties every Plinth table and returns a store on the shared database with the given clock. */
    public static Store emptyStore(Clock clock) {
        return emptyStore(clock, builder -> builder);
    }

    /** An empty store built with {@code settings} applied to the test's defaults. */
    public static PostgresStore emptyStore(Clock clock, java.util.function.UnaryOperator<PostgresStore.Builder> settings) {
        truncate();
        return settings.apply(PostgresStore.builder()
                .dataSource(DATA_SOURCE)
                .schema(SCHEMA)
                .migrate(false)
                .clock(clock)
                .retryPolicy(RetryPolicy.DEFAULT))
                .build();
    }

    /** A new workspace named {@code name}, with a new owner, made in one unit of work. */
    public static Workspace newWorkspace(Store store, String name) {
        String owner = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "") + "@example.com";
        return store.inTransaction(tx -> tx.workspaces().create(
                NewWorkspace.of(name, tx.users().create(NewUser.of(owner, name + " owner")).id())));
    }

    /**
     * Empties every Plinth table, with one DELETE per table sent as one batch. DELETE, not TRUNCATE:
     * the tables hold a test's few rows, and a TRUNCATE of forty tables makes new files for each, which
     * takes about a second on a PostgreSQL server that syncs its files (the PostgreSQL 15 pass of
     * {@code test.sh}) against a tenth of that for the DELETEs. The ledger's tables refuse DELETE
     * (migration V4) by triggers, and foreign keys are triggers too; a superuser skips them all with
     * {@code session_replication_role = replica}, which only a superuser (the tests' database user)
     * may set, and resets it before the connection goes back to the pool.
     */
    public static void truncate() {
        try (Connection c = DATA_SOURCE.getConnection(); Statement s = c.createStatement()) {
            s.execute("SET session_replication_role = replica");
            try {
                for (String table : TABLES.split(", ")) {
                    s.addBatch("DELETE FROM " + SCHEMA + "." + table);
                }
                s.executeBatch();
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
        if (!SCHEMA.equals(Migrations.DEFAULT_SCHEMA)) {
            String database = url.replaceFirst("^[^/]*//[^/]+/([^?]*).*$", "$1");
            url = ApplicationDatabase.create(ApplicationDatabase.plain(url), url, database + "_adopted");
        }
        jdbcUrl = url;
        HikariConfig config = new HikariConfig();
        config.setPoolName("plinth-test");
        config.setJdbcUrl(url);
        config.setSchema(SCHEMA.equals(Migrations.DEFAULT_SCHEMA) ? null : SCHEMA);
        config.setMaximumPoolSize(20);
        HikariDataSource pool = new HikariDataSource(config);
        EmbeddedDatabase server = embedded;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            pool.close();
            if (server != null) {
                server.close();
            }
        }, "plinth-test-database-shutdown"));
        Migrations.apply(pool, SCHEMA);
        return pool;
    }
}
