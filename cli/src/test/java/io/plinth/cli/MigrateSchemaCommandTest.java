package io.plinth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plinth.postgres.EmbeddedDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** {@code --schema}: Plinth migrated and used beside an application's own tables of the same names. */
class MigrateSchemaCommandTest {
    @Test
    void migrateVerifyAndDemoWorkInTheNamedSchemaAndLeaveTheApplicationsTablesAlone() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.start()) {
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE users (id serial PRIMARY KEY, login text NOT NULL)");
                s.execute("INSERT INTO users (login) VALUES ('ada')");
            }
            CommandOutput clash = CommandOutput.run("migrate", "--jdbc-url", db.jdbcUrl());
            assertEquals(1, clash.exitCode(), "public already has users: " + clash);
            assertTrue(clash.err().contains("42P07"), clash.err());     // relation "users" already exists

            CommandOutput migrated = CommandOutput.run("migrate", "--jdbc-url", db.jdbcUrl(), "--schema", "plinth");
            assertEquals(0, migrated.exitCode(), migrated::toString);
            assertTrue(migrated.out().matches("(?s).*: schema version \\d+ in plinth, \\d+ migrations applied.*"), migrated.out());

            CommandOutput verified = CommandOutput.run("ledger", "verify", "--jdbc-url", db.jdbcUrl(), "--schema", "plinth");
            assertEquals(0, verified.exitCode(), verified::toString);
            assertTrue(verified.out().contains("ledger OK"), verified.out());

            CommandOutput demo = CommandOutput.run("demo", "--jdbc-url", db.jdbcUrl(), "--schema", "plinth");
            assertEquals(0, demo.exitCode(), demo::toString);
            assertTrue(demo.out().contains("Schema    plinth, version "), demo.out());
            assertTrue(demo.out().contains("ledger OK"), demo.out());

            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT string_agg(login, ',') FROM public.users")) {
                r.next();
                assertEquals("ada", r.getString(1), "the application's users are untouched");
            }
        }
    }
}
