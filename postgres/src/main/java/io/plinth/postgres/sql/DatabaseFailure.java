package io.plinth.postgres.sql;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.regex.Pattern;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * A database failure as Plinth passes it on, as the cause of the exception it throws: what a
 * developer needs to debug — the SQLState, the first line of the server's message, the constraint,
 * table and column it names, the kind of statement and the original exception's class and stack
 * trace — and nothing that may hold a secret. It never carries the bound arguments (JDBI's
 * {@code [statement:…, arguments:{…}]}), the server's DETAIL ({@code Failing row contains (…)},
 * {@code Key (…)=(…)}), WHERE or HINT, a value quoted in a data error, a password or user-info of a
 * JDBC URL, nor a cause or suppressed exception of its own.
 *
 * <p>Every failure a PostgreSQL store reports passes through {@link #of(Throwable)}:
 * {@link SqlErrors#map} gives it as the cause of every exception it makes, and the store builder and
 * the {@code plinth} command print {@link #describe(Throwable)}.
 */
public final class DatabaseFailure extends SQLException {
    private static final long serialVersionUID = 1L;

    /** A {@code password=…} (or {@code sslpassword=…}, …) in a URL query or a key-value list. */
    private static final Pattern PASSWORD_PARAMETER =
            Pattern.compile("(?i)((?:ssl)?(?:password|passwd|pwd)\\s*=)[^&;,\\s\"')\\]]*");
    /** The user-info before a host: {@code //user:password@host} or {@code user:password@host}. */
    private static final Pattern USER_INFO = Pattern.compile("[^\\s/@\"'(\\[]*:[^\\s/@\"')\\]]*@");
    /** JDBI's statement context appended to its messages. */
    private static final String JDBI_CONTEXT = " [statement:";
    /** A value quoted at the end of a data error: {@code invalid input syntax for type uuid: "…"}. */
    private static final Pattern QUOTED_VALUE = Pattern.compile(":\\s*\".*\"\\s*$", Pattern.DOTALL);
    /** A value quoted by JDBI: {@code No argument factory registered for '…'}. */
    private static final Pattern SINGLE_QUOTED = Pattern.compile("'[^']*'");

    private final String constraint;
    private final String table;
    private final String column;
    private final String statement;
    private final String origin;

    private DatabaseFailure(String message, String sqlState, String constraint, String table, String column,
            String statement, String origin) {
        super(message, sqlState);
        this.constraint = constraint;
        this.table = table;
        this.column = column;
        this.statement = statement;
        this.origin = origin;
    }

    /**
     * The failure without its secrets. A {@code DatabaseFailure} comes back as it is; otherwise the
     * first {@link SQLException} of the cause chain is described (else the failure itself), with
     * the stack trace of the exception described.
     */
    public static DatabaseFailure of(Throwable failure) {
        if (failure instanceof DatabaseFailure done) {
            return done;
        }
        SQLException sql = null;
        SQLException inner = null;
        Throwable root = failure;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DatabaseFailure done) {
                return done;
            }
            if (t instanceof SQLException s) {
                if (sql == null) {
                    sql = s;
                } else {
                    inner = s;
                }
            }
            root = t;
        }
        String statement = statementKind(failure);
        Throwable described = sql != null ? sql : failure;
        String state = sql == null ? null : sql.getSQLState();
        ServerErrorMessage server = sql instanceof PSQLException p ? p.getServerErrorMessage() : null;
        StringBuilder message = new StringBuilder(line(described));
        if (inner != null) {
            // a pool's time-out caused by the last connection failure: both are worth reading
            message.append("; cause: ").append(line(inner));
        }
        String network = network(root);
        if (network != null) {
            message.append(" (").append(network).append(')');
        }
        String constraint = server == null ? null : server.getConstraint();
        String table = server == null ? null : server.getTable();
        String column = server == null ? null : server.getColumn();
        StringBuilder where = new StringBuilder();
        append(where, null, statement);
        append(where, "table", table);
        append(where, "column", column);
        append(where, "constraint", constraint);
        if (where.length() > 0) {
            message.append(" [").append(where).append(']');
        }
        DatabaseFailure sanitised = new DatabaseFailure(message.toString(), state, constraint, table, column, statement,
                described.getClass().getName());
        sanitised.setStackTrace(described.getStackTrace());
        return sanitised;
    }

    /**
     * One line saying what went wrong, for a person: the {@link #of sanitised} failure's message when
     * the failure came from the database (an SQL exception in its cause chain), else the first line
     * of the innermost message, {@link #redact redacted}.
     */
    public static String describe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException) {
                return of(failure).getMessage();
            }
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = redact(firstLine(root.getMessage()));
        return message.isEmpty() ? root.getClass().getSimpleName() : message;
    }

    /**
     * Text from a driver, a pool or a migration tool with what may be a password taken out: the value
     * of a {@code password=} parameter and the user-info ({@code user:password@}) of a URL.
     */
    public static String redact(String text) {
        if (text == null) {
            return "";
        }
        String out = PASSWORD_PARAMETER.matcher(text).replaceAll("$1…");
        return USER_INFO.matcher(out).replaceAll("…@");
    }

    /** The name of the constraint the server named, or null. */
    public String constraint() {
        return constraint;
    }

    /** The table the server named, or null. */
    public String table() {
        return table;
    }

    /** The column the server named, or null. */
    public String column() {
        return column;
    }

    /** The kind of statement that failed ({@code INSERT}, {@code UPDATE}, …), when known, or null. */
    public String statement() {
        return statement;
    }

    /** The class name of the exception this one describes (the driver's, the pool's, JDBI's). */
    public String origin() {
        return origin;
    }

    @Override
    public String toString() {
        return DatabaseFailure.class.getName() + " (from " + origin + "): " + getMessage();
    }

    /** The SQLState and the first line of one exception's message, without values or passwords. */
    private static String line(Throwable described) {
        String state = described instanceof SQLException sql ? sql.getSQLState() : null;
        ServerErrorMessage server = described instanceof PSQLException p ? p.getServerErrorMessage() : null;
        String text;
        if (server != null && server.getMessage() != null) {
            text = server.getMessage();
        } else {
            text = firstLine(described.getMessage());
            int context = text.indexOf(JDBI_CONTEXT);
            if (context >= 0) {
                text = text.substring(0, context);
            }
            if (described instanceof JdbiException) {
                text = SINGLE_QUOTED.matcher(text).replaceAll("'…'");
            }
        }
        if (state != null && state.startsWith("22")) {
            text = QUOTED_VALUE.matcher(text).replaceAll("");
        }
        text = redact(firstLine(text));
        if (text.isEmpty()) {
            text = described.getClass().getSimpleName();
        }
        return state == null ? text : "SQLState " + state + ": " + text;
    }

    /** The first word of the failed statement's SQL, from JDBI's context; never its arguments. */
    private static String statementKind(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StatementException s) {
                StatementContext context = s.getStatementContext();
                String sql = context == null ? null : context.getRawSql();
                if (sql != null) {
                    String trimmed = sql.strip();
                    int end = 0;
                    while (end < trimmed.length() && Character.isLetter(trimmed.charAt(end))) {
                        end++;
                    }
                    return end == 0 ? null : trimmed.substring(0, end).toUpperCase(java.util.Locale.ROOT);
                }
            }
        }
        return null;
    }

    /** A network cause worth naming: an unknown host, a refused connection, a time-out. */
    private static String network(Throwable root) {
        if (root instanceof UnknownHostException) {
            return "unknown host " + redact(root.getMessage());
        }
        if (root instanceof ConnectException || root instanceof NoRouteToHostException
                || root instanceof SocketTimeoutException) {
            String message = redact(firstLine(root.getMessage()));
            return message.isEmpty() ? "network failure" : message.toLowerCase(java.util.Locale.ROOT);
        }
        return null;
    }

    private static void append(StringBuilder where, String label, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        if (where.length() > 0) {
            where.append(", ");
        }
        where.append(label == null ? value : label + " " + value);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String trimmed = message.strip();
        int newline = trimmed.indexOf('\n');
        return (newline < 0 ? trimmed : trimmed.substring(0, newline)).strip();
    }
}
