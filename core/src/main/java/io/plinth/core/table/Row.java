package io.plinth.core.table;

import io.plinth.core.Json;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The column values of one row, by column name, as a store read them; a {@link Table}'s reader
 * turns them into the row record. Immutable.
 */
public final class Row {
    /** Where each column's value is in {@link #values}; shared by every row of a table. */
    private final Map<String, Integer> positions;
    private final Object[] values;

    /** The values by column name ({@code null} values allowed). */
    public Row(Map<String, Object> values) {
        Map<String, Integer> at = new java.util.HashMap<>();
        Object[] copy = new Object[values.size()];
        int i = 0;
        for (Map.Entry<String, Object> e : values.entrySet()) {
            at.put(e.getKey(), i);
            copy[i++] = e.getValue();
        }
        this.positions = at;
        this.values = copy;
    }

    /** A row of values in the order {@code positions} gives (a store's fast path; the array is kept). */
    Row(Map<String, Integer> positions, Object[] values) {
        this.positions = positions;
        this.values = values;
    }

    /** The raw value of a column. */
    public Object get(String column) {
        Integer at = positions.get(column);
        if (at == null) {
            throw new IllegalArgumentException("no column " + column + " in this row");
        }
        return values[at];
    }

    public UUID uuid(String column) {
        return (UUID) get(column);
    }

    public String text(String column) {
        return (String) get(column);
    }

    public Instant instant(String column) {
        return (Instant) get(column);
    }

    public Json json(String column) {
        return (Json) get(column);
    }

    public Boolean bool(String column) {
        return (Boolean) get(column);
    }

    public Integer integer(String column) {
        return (Integer) get(column);
    }

    public Long longValue(String column) {
        return (Long) get(column);
    }

    public Double decimal(String column) {
        return (Double) get(column);
    }

    @SuppressWarnings("unchecked")
    public List<String> textArray(String column) {
        return (List<String>) get(column);
    }

    /** All values by column name. */
    public Map<String, Object> values() {
        Map<String, Object> all = new java.util.HashMap<>();
        positions.forEach((column, at) -> all.put(column, values[at]));
        return java.util.Collections.unmodifiableMap(all);
    }
}
