package io.plinth.postgres.sql;

import io.plinth.core.ConflictException;
import io.plinth.core.InsufficientFundsException;
import io.plinth.core.InvalidInputException;
import io.plinth.core.NotFoundException;
import io.plinth.core.PlinthException;
import io.plinth.core.RetryableException;
import io.plinth.core.table.Column;
import io.plinth.core.table.ForeignKey;
import io.plinth.core.table.Schema;
import io.plinth.core.table.Table;
import io.plinth.core.table.UniqueKey;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.JdbiException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * The one place where PostgreSQL errors become Plinth's error hierarchy, by SQLState:
 * <ul>
 *   <li>{@code 23505} unique violation → {@link ConflictException} saying what is taken;</li>
 *   <li>{@code 23503} a missing parent on insert or update → {@link NotFoundException} of the parent;
 *       a row still referenced on delete → {@link ConflictException};</li>
 *   <li>{@code 23514}, {@code 23502}, {@code 22001}, {@code 22P02} → {@link InvalidInputException}
 *       naming the field;</li>
 *   <li>{@code 40001}, {@code 40P01}, {@code 55P03} (lock timeout), class {@code 08},
 *       {@code 57P01..03}, {@code 53300} and pool timeouts → {@link RetryableException}.</li>
 * </ul>
 * Any other database failure (an SQL exception in the cause chain, or a JDBI exception) becomes an
 * {@link IllegalStateException}. Whatever the exception, its message is Plinth's own words with the
 * SQLState, constraint and column names, and its cause is the {@link DatabaseFailure sanitised}
 * failure: never the bound arguments, the failing row, a key's values in a column that holds a
 * secret, or a connection's password. Other exceptions (the application's own) come back unchanged.
 */
public final class SqlErrors {
    private static final Pattern KEY_DETAIL = Pattern.compile(
            "Key \\((.+)\\)=\\((.*)\\) (?:already exists|is not present in table \"(\\w+)\"|is still referenced from table \"(\\w+)\")\\.?",
            Pattern.DOTALL);

    /** What a taken unique key means, by constraint name; the function receives the key's values. */
    private static final Map<String, Function<List<String>, String>> TAKEN = Map.of(
            "ledger_accounts_owner_code_unit_key",
                key -> "account " + key.get(1) + " in " + key.get(2) + " already exists",
            "pulse_profiles_pkey", key -> "user " + key.get(0) + " already has a pulse profile");

    /** Columns whose values are secrets: a key over one of them is reported without its values. */
    private static final Pattern SECRET_COLUMN =
            Pattern.compile("(?i)password|secret|token|api_?key|key_?ref|credential");

    private static final String IDEMPOTENCY_KEY = "ledger_transfers_idempotency_key_key";
    private static final String AVAILABLE = "ledger_accounts_available_check";

    /** What a restricted delete means, by foreign-key name. */
    private static final Map<String, String> STILL_REFERENCED = Map.of(
            "ledger_accounts_workspace_id_fkey", "workspace %s has ledger accounts; its ledger history is kept for good",
            "ledger_transfers_workspace_id_fkey", "workspace %s has ledger transfers; its ledger history is kept for good");

    /** Plinth's entity names, by table. */
    private static final Map<String, String> ENTITIES = Map.of(
            "ledger_accounts", "account",
            "ledger_transfers", "transfer",
            "pulse_profiles", "pulse profile");


    private SqlErrors() {
    }

    /**
     * Translates a failure of a database call into Plinth's hierarchy. Plinth exceptions and
     * unchecked exceptions without an SQL cause come back unchanged.
     */
    public static RuntimeException map(Throwable failure) {
        if (failure instanceof PlinthException plinth) {
            return plinth;
        }
        Optional<SQLException> sql = sqlCause(failure);
        if (sql.isPresent() && sql.get() instanceof DatabaseFailure) {
            // already mapped once: the failure is Plinth's or the application's wrapping of it
            return failure instanceof RuntimeException r ? r : unmapped(failure);
        }
        if (sql.isEmpty()) {
            if (failure instanceof JdbiException) {
                return unmapped(failure);
            }
            return failure instanceof RuntimeException r ? r : new IllegalStateException(failure);
        }
        RuntimeException mapped = map(sql.get(), failure);
        if (mapped == null) {
            return unmapped(failure);
        }
        if (mapped.getCause() == null) {
            // the SQLState and constraint for the developer, on exceptions made without a cause
            mapped.initCause(DatabaseFailure.of(failure));
        }
        return mapped;
    }

    /** A database failure Plinth has no words for: its sanitised description and cause. */
    private static IllegalStateException unmapped(Throwable failure) {
        DatabaseFailure sanitised = DatabaseFailure.of(failure);
        return new IllegalStateException("database failure: " + sanitised.getMessage(), sanitised);
    }

    /** Whether the failure is transient: the same work may succeed when run again. */
    public static boolean isRetryable(SQLException e) {
        String state = e.getSQLState();
        if (e instanceof SQLTransientConnectionException) {
            return true;
        }
        if (state == null) {
            return false;
        }
        return state.equals("40001") || state.equals("40P01") || state.equals("55P03") || state.startsWith("08")
                || state.equals("57P01") || state.equals("57P02") || state.equals("57P03") || state.equals("53300");
    }

    private static RuntimeException map(SQLException e, Throwable failure) {
        DatabaseFailure original = DatabaseFailure.of(failure);
        if (isRetryable(e)) {
            return new RetryableException("transient database failure (" + original.getMessage() + ")", original);
        }
        String state = e.getSQLState();
        if (state == null) {
            return null;
        }
        ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        String constraint = server == null ? null : server.getConstraint();
        String detail = server == null ? null : server.getDetail();
        return switch (state) {
            // Raised by the ledger's database functions (migration V2).
            case "PLNF0" -> new NotFoundException(detail, server.getHint());
            case "PLIV0" -> new InvalidInputException(detail, server.getMessage());
            case "PLIF0" -> new InsufficientFundsException(server.getMessage());
            case "PLCF0", "PLIM0" -> new ConflictException(server.getMessage(), original);
            case "23505" -> IDEMPOTENCY_KEY.equals(constraint)
                    // Another transaction committed the same request first: run again, which returns it.
                    ? new RetryableException("a concurrent request with the same idempotency key won", original)
                    : uniqueViolation(constraint, detail, original);
            case "23514" -> AVAILABLE.equals(constraint)
                    ? new InsufficientFundsException("an account that may not go negative would")
                    : new InvalidInputException(fieldOfCheck(constraint, server), "breaks the rule " + constraint);
            case "23503" -> foreignKeyViolation(constraint, detail, original);
            case "23502" -> new InvalidInputException(field(server), "is required");
            case "22001" -> new InvalidInputException(field(server), "is too long");
            case "22P02", "22021", "22007", "22008", "22003" ->
                    new InvalidInputException(field(server), "is not a valid value (" + reason(original) + ")");
            default -> null;
        };
    }

    private static RuntimeException uniqueViolation(String constraint, String detail, Throwable cause) {
        Matcher key = detail == null ? null : KEY_DETAIL.matcher(detail);
        if (key != null && key.matches() && secret(key.group(1))) {
            return new ConflictException("already exists: a row with the same " + key.group(1)
                    + " (constraint " + constraint + ")", cause);
        }
        Function<List<String>, String> message = TAKEN.get(constraint);
        if (message != null && key != null && key.matches()) {
            return new ConflictException(message.apply(values(key.group(1), key.group(2))), cause);
        }
        UniqueKey declared = declaredKey(constraint);
        if (declared != null && key != null && key.matches()) {
            return new ConflictException(declared.message().apply(List.copyOf(values(key.group(1), key.group(2)))), cause);
        }
        return new ConflictException("already exists: "
                + (key != null && key.matches() ? "key (" + key.group(1) + ") of constraint " : "") + constraint, cause);
    }

    private static RuntimeException foreignKeyViolation(String constraint, String detail, Throwable cause) {
        Matcher key = detail == null ? null : KEY_DETAIL.matcher(detail);
        if (key == null || !key.matches() || secret(key.group(1))) {
            return new ConflictException("a related row is missing or still referenced (" + constraint + ")", cause);
        }
        String value = key.group(2);
        if (key.group(3) != null) {
            return new NotFoundException(entity(key.group(3)), value);
        }
        String template = STILL_REFERENCED.getOrDefault(constraint, declaredRefusal(constraint));
        if (template != null) {
            return new ConflictException(String.format(template, value), cause);
        }
        return new ConflictException(key.group(1) + " " + value + " is still referenced from " + key.group(4), cause);
    }

    /** The values of a key, one per column (a single column's value is kept whole). */
    private static List<String> values(String columns, String values) {
        int count = columns.split(", ").length;
        return count == 1 ? List.of(values) : Arrays.asList(values.split(", ", count));
    }

    private static String fieldOfCheck(String constraint, ServerErrorMessage server) {
        if (server != null && server.getColumn() != null) {
            return field(server.getTable(), server.getColumn());
        }
        if (constraint != null && server != null && server.getTable() != null
                && constraint.startsWith(server.getTable() + "_") && constraint.endsWith("_check")
                && constraint.length() > server.getTable().length() + "__check".length()) {
            return field(server.getTable(),
                    constraint.substring(server.getTable().length() + 1, constraint.length() - "_check".length()));
        }
        return constraint == null ? "value" : constraint;
    }

    private static String field(ServerErrorMessage server) {
        return server == null ? "value" : field(server.getTable(), server.getColumn());
    }

    /** The Java field name of a column of a table: the declaration's, else {@link #field(String)}. */
    static String field(String table, String column) {
        Table<?, ?> declared = table == null ? null : Schema.named(table);
        if (declared != null && column != null) {
            for (Column<?> c : declared.columns()) {
                if (c.name().equals(column)) {
                    return c.field();
                }
            }
        }
        return field(column);
    }

    /** The Java field name of a column: {@code key_name} → {@code keyName}. */
    static String field(String column) {
        if (column == null) {
            return "value";
        }
        return Column.fieldOf(column);
    }

    private static String entity(String table) {
        Table<?, ?> declared = Schema.named(table);
        return declared != null ? declared.entity() : ENTITIES.getOrDefault(table, table);
    }

    /** A declared table's unique key of that name, or null. */
    private static UniqueKey declaredKey(String constraint) {
        for (Table<?, ?> table : Schema.TABLES) {
            for (UniqueKey key : table.uniqueKeys()) {
                if (key.name().equals(constraint)) {
                    return key;
                }
            }
        }
        return null;
    }

    /** Why a declared foreign key's parent cannot be deleted, or null. */
    private static String declaredRefusal(String constraint) {
        for (Table<?, ?> table : Schema.TABLES) {
            for (ForeignKey fk : table.foreignKeys()) {
                if (fk.name().equals(constraint)) {
                    return fk.refusal();
                }
            }
        }
        return null;
    }

    private static Optional<SQLException> sqlCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                return Optional.of(sql);
            }
        }
        return Optional.empty();
    }

    /** Whether a key's columns hold a secret, whose values no message may show. */
    private static boolean secret(String columns) {
        return SECRET_COLUMN.matcher(columns).find();
    }

    /** The server's words of a sanitised failure, without the SQLState and the names in brackets. */
    private static String reason(DatabaseFailure failure) {
        String message = failure.getMessage();
        int colon = failure.getSQLState() == null ? -1 : message.indexOf(": ");
        int names = message.lastIndexOf(" [");
        return message.substring(colon < 0 ? 0 : colon + 2, names < 0 ? message.length() : names);
    }
}
