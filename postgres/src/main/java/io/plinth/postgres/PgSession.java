package io.plinth.postgres;

import io.plinth.postgres.sql.SqlErrors;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jdbi.v3.core.ConnectionFactory;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The database side of one unit of work or one auto-commit call: its connection, and a JDBI
 * {@link Handle} on that connection, made only when a repository asks for one. The generic calls
 * of declared models and the ledger's transfers run with plain JDBC on {@link #connection()}, so
 * an auto-commit call of theirs never pays for a handle (copying JDBI's configuration per handle
 * was a fifth of an auto-commit {@code get}'s client time). Internal to the PostgreSQL store; one
 * thread at a time.
 */
public final class PgSession implements AutoCloseable {
    private final Connection connection;
    private final Connections connections;
    private Handle handle;

    private PgSession(Connection connection, Handle handle, Connections connections) {
        this.connection = connection;
        this.handle = handle;
        this.connections = connections;
    }

    /** The session of a unit of work that runs on {@code handle} (closing it leaves the handle open). */
    static PgSession of(Handle handle) {
        return new PgSession(handle.getConnection(), handle, null);
    }

    /** A session on a connection of its own, in auto-commit mode; {@link #close()} gives it back. */
    static PgSession open(Connections connections) throws SQLException {
        Connection connection = connections.dataSource.getConnection();
        try {
            if (!connection.getAutoCommit()) {
                connection.setAutoCommit(true); // a caller's data source may hand out connections in a transaction
            }
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        return new PgSession(connection, null, connections);
    }

    /** The session's connection. */
    public Connection connection() {
        return connection;
    }

    /** A JDBI handle on the session's connection, made on first use. */
    public Handle handle() {
        if (handle == null) {
            handle = connections.open(connection);
        }
        return handle;
    }

    /**
     * Runs {@code work} atomically: as it is inside a transaction, else in a transaction of its own
     * on the connection (committed if the work returns, rolled back if it throws).
     */
    public <T> T atomically(Supplier<T> work) {
        try {
            if (!connection.getAutoCommit()) {
                return work.get();
            }
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            throw SqlErrors.map(e);
        }
        try {
            T result = work.get();
            connection.commit();
            return result;
        } catch (RuntimeException | Error e) {
            try {
                connection.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        } catch (SQLException e) {
            throw SqlErrors.map(e);
        } finally {
            try {
                connection.setAutoCommit(true);
            } catch (SQLException e) {
                // The pool checks the connection when it comes back, and discards it if broken.
            }
        }
    }

    /** Gives an auto-commit call's connection back to the pool; a unit of work's stays with its handle. */
    @Override
    public void close() throws SQLException {
        if (connections == null) {
            return;
        }
        if (handle != null) {
            handle.close();
        } else {
            connection.close();
        }
    }

    /**
     * The store's connections, and JDBI on them: JDBI takes a connection from the data source,
     * except while a session's handle is opened on that session's own connection. The handle closes
     * the connection when it is closed, as any handle of JDBI's does.
     */
    static final class Connections implements ConnectionFactory {
        private final DataSource dataSource;
        private final ThreadLocal<Connection> lent = new ThreadLocal<>();

        private final Jdbi jdbi;

        Connections(DataSource dataSource) {
            this.dataSource = dataSource;
            this.jdbi = Jdbi.create(this);
        }

        /** JDBI on these connections. */
        Jdbi jdbi() {
            return jdbi;
        }

        @Override
        public Connection openConnection() throws SQLException {
            Connection connection = lent.get();
            return connection != null ? connection : dataSource.getConnection();
        }

        private Handle open(Connection connection) {
            lent.set(connection);
            try {
                return jdbi.open();
            } finally {
                lent.remove();
            }
        }
    }
}
