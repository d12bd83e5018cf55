package io.plinth.core.table;

import java.util.List;
import java.util.function.Function;

/**
 * Columns whose values no two rows share (PostgreSQL's unique constraint or index of that name).
 * NULLs are distinct, as in PostgreSQL: a key with a null column never conflicts.
 *
 * @param name    the constraint's or index's name
 * @param columns the columns, in the constraint's order
 * @param message what a taken key says, given the new row's values of the columns (only the
 *                caller's own values: a message never reveals another tenant's row)
 */
public record UniqueKey(String name, List<String> columns, Function<List<Object>, String> message) {
    public UniqueKey {
        columns = List.copyOf(columns);
    }
}
