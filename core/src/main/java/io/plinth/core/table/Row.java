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
    private final Map<String, Object> values;

    /** The values by column name ({@code null} values allowed). */
    public Row(Map<String, Object> values) {
        this.values = java.util.Collections.unmodifiableMap(new java.util.HashMap<>(values));
    }

    /** The raw value of a column. */
    public Object get(String column) {
        if (!values.containsKey(column)) {
            throw new IllegalArgumentException("no column " + column + " in this row");
        }
        return values.get(column);
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
        return values;
    }
}
