package io.plinth.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.plinth.core.ConflictException;
import io.plinth.core.InvalidInputException;
import io.plinth.core.NotFoundException;
import io.plinth.core.RetryableException;
import io.plinth.postgres.sql.SqlErrors;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SQLState mapping, fed with errors raised by a real server. */
class SqlErrorsTest {
    private static final UUID OWNER = UUID.fromString("0190a5c2-7b1e-7cc3-9a4e-3f2b1c0d9e8f");
    private static final UUID WORKSPACE = UUID.fromString("0190a5c2-7b1e-7cc3-9a4e-3f2b1c0d9e90");

    @BeforeEach
    void seed() {
        TestDatabase.truncate();
        execute("INSERT INTO users (user_id, email, updated_at) VALUES ('" + OWNER + "', 'ada@example.com', now())");
        execute("INSERT INTO workspaces (id, name, owner_id) VALUES ('" + WORKSPACE + "', 'W', '" + OWNER + "')");
    }

    @Test
    void aTakenEmailIsAConflictSayingSo() {
        RuntimeException e = failure("INSERT INTO users (user_id, email) VALUES (gen_random_uuid(), 'ADA@example.com')");
        assertInstanceOf(ConflictException.class, e);
        assertEquals("email ada@example.com is already in use", e.getMessage());
    }

    @Test
    void aMissingParentIsNotFoundOfTheParent() {
        UUID nobody = UUID.randomUUID();
        NotFoundException e = assertInstanceOf(NotFoundException.class, failure(
                "INSERT INTO workspaces (id, name, owner_id) VALUES (gen_random_uuid(), 'W', '" + nobody + "')"));
        assertEquals("user", e.entity());
        assertEquals("user " + nobody + " not found", e.getMessage());
    }

    @Test
    void deletingAReferencedRowIsAConflict() {
        RuntimeException e = failure("DELETE FROM users WHERE user_id = '" + OWNER + "'");
        assertInstanceOf(ConflictException.class, e);
        assertEquals("user " + OWNER + " still owns a workspace; transfer or delete it first", e.getMessage());
    }

    @Test
    void aBrokenCheckIsInvalidInputNamingTheField() {
        InvalidInputException tier = assertInstanceOf(InvalidInputException.class,
                failure("UPDATE workspaces SET plan_tier = 'Gold'"));
        assertEquals("planTier", tier.field());
        InvalidInputException key = assertInstanceOf(InvalidInputException.class, failure(
                "INSERT INTO projects (id, workspace_id, name, key_name) VALUES (gen_random_uuid(), '"
                        + WORKSPACE + "', 'P', 'lower')"));
        assertEquals("keyName", key.field());
        InvalidInputException uuid = assertInstanceOf(InvalidInputException.class,
                failure("SELECT * FROM users WHERE user_id = 'not-a-uuid'"));
        assertEquals("value", uuid.field());
    }

    @Test
    void transientFailuresAreRetryable() {
        assertInstanceOf(RetryableException.class, SqlErrors.map(new SQLException("could not serialize", "40001")));
        assertInstanceOf(RetryableException.class, SqlErrors.map(new SQLException("deadlock detected", "40P01")));
        assertInstanceOf(RetryableException.class, SqlErrors.map(new SQLException("connection lost", "08006")));
        assertInstanceOf(RetryableException.class, SqlErrors.map(new SQLException("admin shutdown", "57P01")));
        assertInstanceOf(RetryableException.class,
                SqlErrors.map(new SQLTransientConnectionException("Connection is not available, request timed out")));
    }

    @Test
    void otherFailuresPassThroughUnchanged() {
        IllegalStateException mine = new IllegalStateException("application error");
        assertEquals(mine, SqlErrors.map(mine));
        SQLException syntax = new SQLException("syntax error", "42601");
        assertInstanceOf(IllegalStateException.class, SqlErrors.map(syntax));
    }

    private static RuntimeException failure(String sql) {
        SQLException e = assertThrows(SQLException.class, () -> execute0(sql));
        return SqlErrors.map(e);
    }

    private static void execute(String sql) {
        try {
            execute0(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void execute0(String sql) throws SQLException {
        try (Connection c = TestDatabase.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
