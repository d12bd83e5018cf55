package io.plinth.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.plinth.core.ConflictException;
import io.plinth.core.InvalidInputException;
import io.plinth.core.MigrationException;
import io.plinth.core.NotFoundException;
import io.plinth.core.PageRequest;
import io.plinth.core.RetryableException;
import io.plinth.core.Store;
import io.plinth.core.StoreUnavailableException;
import io.plinth.tenancy.NewUser;
import io.plinth.tenancy.NewUserSession;
import io.plinth.tenancy.User;
import io.plinth.tenancy.UserId;
import io.plinth.tenancy.WorkspaceId;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** What is particular to the PostgreSQL store, beyond the contract suite. */
class PostgresStoreTest {
    private static final Instant T0 = Instant.parse("2026-11-23T10:15:30.123456789Z");
    private final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);

    @Test
    void aFailedCallInsideAUnitOfWorkCanBeCaughtAndTheWorkGoesOn() {
        try (Store store = TestDatabase.emptyStore(clock)) {
            store.inTransaction(tx -> {
                // the first call fails before anything was written
                assertThrows(NotFoundException.class, () -> tx.sessions().create(
                        new NewUserSession(UserId.generate(), null, null, null, T0.plusSeconds(60))));
                User ada = tx.users().create(NewUser.of("ada@example.com", "Ada"));
                // a later call fails after a write: only that call is undone
                assertThrows(ConflictException.class, () -> tx.users().create(NewUser.of("ADA@example.com", "Twin")));
                tx.users().create(NewUser.of("bob@example.com", "Bob"));
                return ada;
            });
            assertEquals(2, store.users().list(PageRequest.first()).items().size());
        }
    }

    /**
     * A read that fails in SQL (here: a lock timeout) after a write used to abort the whole database
     * transaction silently: the work caught the error, returned, and its COMMIT rolled everything back.
     */
    @Test
    void aReadThatFailsInSqlAfterAWriteLosesNothingOfTheWork() throws Exception {
        TestDatabase.truncate();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(TestDatabase.jdbcUrl());
        config.setConnectionInitSql("SET lock_timeout = '200ms'");
        config.setMaximumPoolSize(2);
        try (HikariDataSource impatient = new HikariDataSource(config);
             Store store = PostgresStore.builder().dataSource(impatient).migrate(false).clock(clock).build();
             Connection locker = TestDatabase.dataSource().getConnection()) {
            locker.setAutoCommit(false);
            locker.createStatement().execute("LOCK TABLE projects IN ACCESS EXCLUSIVE MODE");
            store.inTransaction(tx -> {
                tx.users().create(NewUser.of("before@example.com", "Before"));
                assertThrows(RetryableException.class, () -> tx.projects().list(WorkspaceId.generate(), PageRequest.first()));
                tx.users().create(NewUser.of("after@example.com", "After"));
                return null;
            });
            locker.rollback();
            assertTrue(store.users().findByEmail("before@example.com").isPresent());
            assertTrue(store.users().findByEmail("after@example.com").isPresent());
        }
    }

    @Test
    void timestampsComeFromTheStoresClockAtMicrosecondPrecision() {
        try (Store store = TestDatabase.emptyStore(clock)) {
            User ada = store.users().create(NewUser.of("ada@example.com", "Ada"));
            Instant micros = Instant.parse("2026-11-23T10:15:30.123456Z");
            assertEquals(micros, ada.createdAt());
            assertEquals(micros, store.users().get(ada.id()).updatedAt());
        }
    }

    @Test
    void aMalformedUrlIsRejectedWithOneClearMessage() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> PostgresStore.builder().jdbcUrl("jdbc:mysql://localhost/app?password=secret").build());
        assertEquals("jdbcUrl", e.field());
        assertFalse(e.getMessage().contains("secret"), e.getMessage());
    }

    @Test
    void anUnreachableServerGivesOneClearMessageWithoutThePassword() {
        StoreUnavailableException e = assertThrows(StoreUnavailableException.class, () -> PostgresStore.builder()
                .jdbcUrl("jdbc:postgresql://127.0.0.1:1/app?password=secret").build());
        assertTrue(e.getMessage().startsWith("cannot connect to PostgreSQL at jdbc:postgresql://127.0.0.1:1/app"),
                e.getMessage());
        assertFalse(e.getMessage().contains("secret"), e.getMessage());
    }

    @Test
    void aMigrationThatFailsIsAMigrationExceptionAndLeavesNoStore() throws Exception {
        String name = "plinth_failing_" + java.util.UUID.randomUUID().toString().replace("-", "");
        try (Connection c = TestDatabase.dataSource().getConnection(); java.sql.Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        String url = TestDatabase.jdbcUrl().replaceFirst("(//[^/]+/)[^?]*", "$1" + name);
        try {
            try (Connection c = java.sql.DriverManager.getConnection(url); java.sql.Statement s = c.createStatement()) {
                s.execute("CREATE TABLE users (someone_elses int)");
            }
            MigrationException e = assertThrows(MigrationException.class,
                    () -> PostgresStore.builder().jdbcUrl(url).build());
            assertTrue(e.getMessage().startsWith("cannot migrate PostgreSQL at "), e.getMessage());
            assertInstanceOf(io.plinth.postgres.sql.DatabaseFailure.class, e.getCause());
        } finally {
            try (Connection c = TestDatabase.dataSource().getConnection(); java.sql.Statement s = c.createStatement()) {
                s.execute("DROP DATABASE " + name + " WITH (FORCE)");
            }
        }
    }

    @Test
    void closingTheStoreLeavesTheCallersDataSourceOpen() throws Exception {
        TestDatabase.emptyStore(clock).close();
        try (Connection c = TestDatabase.dataSource().getConnection()) {
            assertTrue(c.isValid(1));
        }
    }

    @Test
    void aStoreMadeFromAUrlMigratesAndClosesItsOwnPool() {
        TestDatabase.truncate();
        PostgresStore store = PostgresStore.builder().jdbcUrl(TestDatabase.jdbcUrl()).maximumPoolSize(2)
                .clock(clock).build();
        store.users().create(NewUser.of("ada@example.com", "Ada"));
        store.close();
        assertTrue(((HikariDataSource) store.dataSource()).isClosed());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> store.users().findByEmail("ada@example.com"));
        assertEquals("the store is closed", e.getMessage());
    }
}
