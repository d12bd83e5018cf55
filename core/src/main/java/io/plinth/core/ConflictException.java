package io.plinth.core;

/**
 * The write conflicts with the stored state: a unique key already taken, a stale version in an
 * optimistic update, a row still referenced by others, or an idempotency key reused for another request.
 */
public final class ConflictException extends PlinthException {
    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }

    public ConflictException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The conflict of an update that carried an outdated version: the same words from every store. */
    public static ConflictException staleVersion(String entity, Object id) {
        return new ConflictException("stale version: " + entity + " " + id
                + " was changed since it was read; read it again and retry");
    }
}
