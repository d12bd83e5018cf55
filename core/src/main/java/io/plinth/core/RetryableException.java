package io.plinth.core;

/**
 * A transient failure (serialization failure, deadlock, lost connection): the unit of work was
 * rolled back and may succeed if run again. {@link Store#inTransaction} retries these according
 * to its {@link RetryPolicy} before giving up and throwing this exception to the caller.
 */
public final class RetryableException extends PlinthException {
    private static final long serialVersionUID = 1L;

    public RetryableException(String message, Throwable cause) {
        super(message, cause);
    }
}
