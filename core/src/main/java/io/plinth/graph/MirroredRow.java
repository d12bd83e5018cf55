package io.plinth.graph;

import io.plinth.core.Check;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The state of one mirrored row as PostgreSQL holds it: the columns a projection needs, by column name,
 * as {@link UUID}, {@link String}, {@link Instant}, {@link Double} or null. A row referring to a row of
 * another table also carries that row's owner, as {@code <reference>_user_id} (for example
 * {@code community_user_id} beside a concept's {@code community_id}), so a projection can refuse an edge
 * between two users' nodes.
 *
 * @param table  the row's table
 * @param id     its primary key
 * @param userId its user (a user's own row: the user's id)
 */
public record MirroredRow(MirroredTable table, UUID id, UUID userId, Map<String, Object> columns) {
    public MirroredRow {
        Check.required("table", table);
        Check.required("id", id);
        Check.required("userId", userId);
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(Check.required("columns", columns)));
    }

    /** A uuid column's value, or null. */
    public UUID uuid(String column) {
        return (UUID) value(column);
    }

    /** A text column's value, or null. */
    public String text(String column) {
        return (String) value(column);
    }

    /** A timestamp column's value, or null. */
    public Instant instant(String column) {
        return (Instant) value(column);
    }

    /** A double precision column's value, or null. */
    public Double number(String column) {
        return (Double) value(column);
    }

    private Object value(String column) {
        if (!columns.containsKey(column)) {
            throw new IllegalArgumentException(table.tableName() + " has no mirrored column " + column);
        }
        return columns.get(column);
    }
}
