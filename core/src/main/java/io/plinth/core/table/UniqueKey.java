package io.plinth.core.table;

import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Columns whose values no two rows share (PostgreSQL's unique constraint or index of that name).
 * NULLs are distinct, as in PostgreSQL: a key with a null column never conflicts.
 *
 * @param name       the constraint's or index's name
 * @param columns    the columns, in the constraint's order
 * @param message    what a taken key says, given the new row's values of the columns (only the
 *                   caller's own values: a message never reveals another tenant's row)
 * @param expression for a unique index on an expression of one column, the expression as the migration
 *                   writes it ({@code lower(email COLLATE "C")}); null for a key on the columns themselves
 * @param fold       for an expression index, what the expression computes from the column's value, in
 *                   Java (the in-memory store indexes that); the identity otherwise
 */
public record UniqueKey(String name, List<String> columns, Function<List<Object>, String> message, String expression,
                        UnaryOperator<Object> fold) {
    public UniqueKey {
        columns = List.copyOf(columns);
        if (expression != null && columns.size() != 1) {
            throw new IllegalArgumentException("an expression index " + name + " is on one column");
        }
        if (fold == null) {
            fold = UnaryOperator.identity();
        }
    }

    /** A unique key on the columns themselves. */
    public UniqueKey(String name, List<String> columns, Function<List<Object>, String> message) {
        this(name, columns, message, null, null);
    }

    /** The values the key compares for a row's values of its columns (the expression's, for an expression index). */
    public List<Object> keyOf(List<Object> values) {
        return expression == null ? values : List.of(fold.apply(values.get(0)));
    }
}
