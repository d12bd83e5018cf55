package io.plinth.core;

/**
 * Root of Plinth's error hierarchy. Every backend throws the same subclasses for the same
 * situation, so application code and tests can rely on them:
 * {@link NotFoundException}, {@link ConflictException}, {@link InvalidInputException},
 * {@link InsufficientFundsException} and {@link RetryableException}; a database that cannot be used
 * when a store starts is a {@link StoreUnavailableException}, migrations that cannot be applied a
 * {@link MigrationException}.
 */
public abstract class PlinthException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected PlinthException(String message) {
        super(message);
    }

    protected PlinthException(String message, Throwable cause) {
        super(message, cause);
    }
}
