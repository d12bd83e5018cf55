package io.plinth.vector.feed;

import io.plinth.core.RetryPolicy;
import io.plinth.postgres.EmbeddedDatabase;
import io.plinth.postgres.PostgresStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One migrated PostgreSQL per test JVM, started on first use: the one named by
 * {@code PLINTH_TEST_JDBC_URL}, else an embedded one. {@link #reset()} empties it, outbox and checkpoints
 * included.
 */
final class TestFeed {
    private static PostgresStore postgres;

    private TestFeed() {
    }

    static synchronized PostgresStore postgres() {
        if (postgres == null) {
            String url = System.getenv("PLINTH_TEST_JDBC_URL");
            if (url == null || url.isBlank()) {
                EmbeddedDatabase embedded = EmbeddedDatabase.start();
                Runtime.getRuntime().addShutdownHook(new Thread(embedded::close));
                url = embedded.jdbcUrl();
            }
            postgres = PostgresStore.builder().jdbcUrl(url).maximumPoolSize(12).retryPolicy(RetryPolicy.DEFAULT).build();
        }
        return postgres;
    }

    /** Empties PostgreSQL: every user (and so every row of theirs), the outbox and its checkpoints. */
    static void reset() {
        try (Connection c = postgres().dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("SET session_replication_role = replica");
            try {
                s.execute("TRUNCATE users, outbox, outbox_checkpoints CASCADE");
            } finally {
                s.execute("RESET session_replication_role");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
