package io.plinth.migrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plinth.core.MigrationException;
import io.plinth.core.StoreUnavailableException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Applies the migrations to an embedded PostgreSQL, or to the database named by the environment
 * variable {@code PLINTH_TEST_JDBC_URL}, and checks that the schema itself enforces its rules.
 */
class MigrationsTest {
    private static EmbeddedPostgres embedded;
    private static DataSource dataSource;

    @BeforeAll
    static void startDatabase() throws Exception {
        String url = System.getenv("PLINTH_TEST_JDBC_URL");
        if (url != null && !url.isBlank()) {
            PGSimpleDataSource pg = new PGSimpleDataSource();
            pg.setURL(url);
            dataSource = pg;
        } else {
            embedded = EmbeddedPostgres.start();
            dataSource = embedded.getPostgresDatabase();
        }
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        if (embedded != null) {
            embedded.close();
        }
    }

    @Test
    void aServerOlderThan15IsRefusedInOneSentence() {
        StoreUnavailableException e = assertThrows(StoreUnavailableException.class,
                () -> Migrations.requireSupportedServer(140010, "14.10"));
        assertEquals("Plinth needs PostgreSQL 15 or newer; this server is PostgreSQL 14.10", e.getMessage());
        Migrations.requireSupportedServer(150000, "15.0");
        Migrations.requireSupportedServer(180001, "18.1");
    }

    @Test
    void anUnreachableServerIsAStoreUnavailableExceptionWithoutThePassword() {
        PGSimpleDataSource nowhere = new PGSimpleDataSource();
        nowhere.setURL("jdbc:postgresql://127.0.0.1:1/app");
        nowhere.setPassword("migration-secret");
        StoreUnavailableException e = assertThrows(StoreUnavailableException.class, () -> Migrations.apply(nowhere));
        assertTrue(e.getMessage().startsWith("cannot read the server's version: 08"), e.getMessage());
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains("migration-secret"), t.toString());
        }
    }

    @Test
    void aChangedMigrationIsAMigrationException() throws SQLException {
        Migrations.apply(dataSource);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE " + Migrations.HISTORY_TABLE + " SET checksum = checksum + 1 WHERE version = '1'");
            try {
                MigrationException e = assertThrows(MigrationException.class, () -> Migrations.apply(dataSource));
                assertTrue(e.getMessage().startsWith("cannot apply Plinth's migrations: Validate failed"), e.getMessage());
                assertEquals(1, e.getMessage().lines().count(), e.getMessage());
            } finally {
                s.executeUpdate("UPDATE " + Migrations.HISTORY_TABLE + " SET checksum = checksum - 1 WHERE version = '1'");
            }
        }
        assertEquals(0, Migrations.apply(dataSource).applied());
    }

    @Test
    void applyingTwiceIsIdempotentAndReportsTheVersion() {
        MigrationResult first = Migrations.apply(dataSource);
        MigrationResult second = Migrations.apply(dataSource);

        String latest = latestMigrationInSourceTree();
        assertEquals(latest, first.schemaVersion());
        assertEquals(latest, second.schemaVersion());
        assertEquals(0, second.applied());
        assertTrue(first.applied() <= Integer.parseInt(latest));
    }

    /** The highest version among the files in {@code migrations/sql} (the module's working directory). */
    private static String latestMigrationInSourceTree() {
        String[] files = new java.io.File("sql").list((dir, name) -> name.matches("V\\d+__.+\\.sql"));
        return String.valueOf(java.util.Arrays.stream(files)
                .mapToInt(name -> Integer.parseInt(name.substring(1, name.indexOf("__")))).max().orElseThrow());
    }

    @Test
    void theDatabaseRejectsRowsThatBreakTheRules() throws SQLException {
        Migrations.apply(dataSource);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                UUID user = UUID.randomUUID();
                insert(c, "INSERT INTO users (user_id, email) VALUES (?, 'ada@example.com')", user);

                assertEquals("23514", sqlState(c, "INSERT INTO workspaces (id, name, owner_id, plan_tier) "
                        + "VALUES (gen_random_uuid(), 'W', ?, 'Gold')", user), "plan_tier CHECK");
                assertEquals("23503", sqlState(c, "INSERT INTO workspaces (id, name, owner_id) "
                        + "VALUES (gen_random_uuid(), 'W', ?)", UUID.randomUUID()), "owner FK");
                assertEquals("23505", sqlState(c, "INSERT INTO users (user_id, email) "
                        + "VALUES (?, 'ADA@example.com')", UUID.randomUUID()), "email unique ignoring case");
                assertEquals("23514", sqlState(c, "INSERT INTO users (user_id, email, account_status) "
                        + "VALUES (?, 'bob@example.com', 'banned')", UUID.randomUUID()), "account_status CHECK");
            } finally {
                c.rollback();
            }
        }
    }

    @Test
    void seedDefaultsApplyToRowsWrittenByOtherServices() throws SQLException {
        Migrations.apply(dataSource);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                UUID user = UUID.randomUUID();
                insert(c, "INSERT INTO users (user_id, email) VALUES (?, 'grace@example.com')", user);
                try (Statement s = c.createStatement();
                     var rs = s.executeQuery("SELECT region, timezone, language_preference, account_status, "
                             + "concepts_created_in_cycle, version FROM users WHERE email = 'grace@example.com'")) {
                    assertTrue(rs.next());
                    assertEquals("us", rs.getString(1));
                    assertEquals("UTC", rs.getString(2));
                    assertEquals("en", rs.getString(3));
                    assertEquals("active", rs.getString(4));
                    assertEquals(0, rs.getInt(5));
                    assertEquals(0, rs.getLong(6));
                }
            } finally {
                c.rollback();
            }
        }
    }

    private static void insert(Connection c, String sql, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, id);
            ps.executeUpdate();
        }
    }

    /** Runs a statement that must fail, inside a savepoint, and returns its SQLState. */
    private static String sqlState(Connection c, String sql, UUID id) throws SQLException {
        var savepoint = c.setSavepoint();
        SQLException e = assertThrows(SQLException.class, () -> insert(c, sql, id));
        c.rollback(savepoint);
        return e.getSQLState();
    }

}
