package io.plinth.core;

/**
 * The database behind a store cannot be used: it cannot be reached, refuses the connection (a wrong
 * password, an unknown database), cannot be started (the embedded default), or is a server Plinth
 * does not support (older than PostgreSQL 15). Thrown when a store is built or migrations are
 * applied, never half-way through a unit of work (a connection lost there is a
 * {@link RetryableException}). The message names the database without its password; the cause, when
 * there is one, is the sanitised failure.
 */
public final class StoreUnavailableException extends PlinthException {
    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(String message) {
        super(message);
    }

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
