package io.plinth.core.table;

import java.util.function.Function;

/**
 * One column of a {@link Table}: its name, the record component it holds (as the Java field name
 * errors use), its type, whether it may be null, and whether an update may change it.
 *
 * @param <R> the row record
 */
public record Column<R>(String name, String field, ColumnType type, boolean nullable, boolean updatable,
                        Function<R, Object> value) {
    /** The Java field name of a column in snake case: {@code source_card_id} → {@code sourceCardId}. */
    public static String fieldOf(String column) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    /** The column's value in {@code row}, as {@link ColumnType} describes it. */
    public Object of(R row) {
        return value.apply(row);
    }
}
