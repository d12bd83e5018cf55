package io.plinth.core;

/**
 * Plinth's migrations could not be applied to a database that was reached: a migration failed (and
 * was rolled back: each runs in a transaction of its own), or the database's migration history does
 * not match the migrations shipped (one changed or is missing). The message says which; the cause is
 * the failure as the migration tool reported it, sanitised by the store (no password).
 */
public final class MigrationException extends PlinthException {
    private static final long serialVersionUID = 1L;

    public MigrationException(String message) {
        super(message);
    }

    public MigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
