package io.plinth.cli;

/**
 * A mistake in how a command was called that picocli cannot see by itself — an option's value that
 * is not what it must be (a URL that is not a PostgreSQL JDBC URL, a schema name that is not an
 * identifier). Reported like picocli's own usage errors: one line naming the option, and exit code
 * {@link Errors#USAGE}. Nothing has been done when it is thrown.
 */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message, null, false, false);
    }
}
