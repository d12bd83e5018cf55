package io.plinth.core.table;

import io.plinth.core.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The column values of one row, by column name, as a store read them; a {@link Table}'s reader
 * turns them into the row record. Its values never change; safe to share between threads.
 */
public final class Row {
    private final Layout layout;
    private final Object[] values;
    /**
     * Where the next {@link #get} will most likely look: readers ask for the columns in the
     * declaration's order, by the declaration's own (interned) names, so a look-up is usually one
     * reference comparison instead of a hash look-up. Only a hint: a wrong one costs the look-up.
     */
    private int next;

    /** The column names of a table's rows, in order, and each one's position; shared by every row of a table. */
    static final class Layout {
        private final String[] names;
        private final Map<String, Integer> positions = new HashMap<>();

        Layout(List<String> names) {
            this.names = names.toArray(String[]::new);
            for (int i = 0; i < this.names.length; i++) {
                positions.put(this.names[i], i);
            }
        }
    }

    /** The values by column name ({@code null} values allowed). */
    public Row(Map<String, Object> values) {
        this.layout = new Layout(new ArrayList<>(values.keySet()));
        this.values = values.values().toArray();
    }

    /** A row of values in the order {@code layout} gives (a store's fast path; the array is kept). */
    Row(Layout layout, Object[] values) {
        this.layout = layout;
        this.values = values;
    }

    /** The raw value of a column. */
    public Object get(String column) {
        int at = next;
        if (at >= layout.names.length || layout.names[at] != column) {
            Integer position = layout.positions.get(column);
            if (position == null) {
                throw new IllegalArgumentException("no column " + column + " in this row");
            }
            at = position;
        }
        next = at + 1;
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
        Map<String, Object> all = new HashMap<>();
        for (int i = 0; i < layout.names.length; i++) {
            all.put(layout.names[i], values[i]);
        }
        return java.util.Collections.unmodifiableMap(all);
    }
}
