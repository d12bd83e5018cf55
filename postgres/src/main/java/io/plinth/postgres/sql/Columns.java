package io.plinth.postgres.sql;

import io.plinth.core.Json;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.function.Function;

/** Reads Plinth's value types from a result set; SQL NULL reads as {@code null}. */
public final class Columns {
    private Columns() {
    }

    /** A {@code uuid} column as a typed id. */
    public static <I> I id(ResultSet rs, String column, Function<UUID, I> type) throws SQLException {
        UUID value = rs.getObject(column, UUID.class);
        return value == null ? null : type.apply(value);
    }

    /** A {@code timestamptz} column. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** A {@code jsonb} column. */
    public static Json json(ResultSet rs, String column) throws SQLException {
        String value = rs.getString(column);
        return value == null ? null : Json.parse(value);
    }
}
