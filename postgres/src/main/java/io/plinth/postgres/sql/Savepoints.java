package io.plinth.postgres.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;

/**
 * Runs a piece of a transaction under a savepoint, so that its failure leaves the transaction as it
 * was before it (PostgreSQL otherwise aborts the whole transaction at the first failed statement).
 * Plain JDBC savepoints: each is released, after success or after the rollback to it, so none
 * piles up in the server's transaction. Stateless; the connection is the caller's.
 */
public final class Savepoints {
    /** Work that may fail with any exception. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws Exception;
    }

    private Savepoints() {
    }

    /**
     * Runs {@code work} under a new savepoint of {@code connection}'s transaction: on success the
     * savepoint is released, on failure the transaction is rolled back to it, and the failure is
     * rethrown as it is (a failure to roll back is added to it as suppressed).
     */
    public static <T> T run(Connection connection, Work<T> work) throws Exception {
        Savepoint savepoint = connection.setSavepoint();
        T result;
        try {
            result = work.run();
        } catch (Exception | Error failure) {
            try {
                connection.rollback(savepoint);
                connection.releaseSavepoint(savepoint);
            } catch (SQLException e) {
                failure.addSuppressed(e);
            }
            throw failure;
        }
        connection.releaseSavepoint(savepoint);
        return result;
    }
}
