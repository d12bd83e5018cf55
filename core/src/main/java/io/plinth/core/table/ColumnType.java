package io.plinth.core.table;

/**
 * The kinds of values a column holds, as a record hands them to a store and a store hands them
 * back: {@code UUID} for ids (typed ids are unwrapped by the declaration), {@code String} for text
 * and enums (in the seed's spelling), {@code Instant}, {@code io.plinth.core.Json}, {@code Boolean},
 * {@code Integer}, {@code Long}, {@code Double}, and {@code List<String>} for text arrays.
 */
public enum ColumnType {
    UUID("uuid"),
    TEXT("text"),
    INSTANT("timestamp with time zone"),
    JSON("jsonb"),
    BOOLEAN("boolean"),
    INTEGER("integer"),
    LONG("bigint"),
    DOUBLE("double precision"),
    TEXT_ARRAY("ARRAY");

    private final String catalogName;

    ColumnType(String catalogName) {
        this.catalogName = catalogName;
    }

    /** The type as {@code information_schema.columns.data_type} names it. */
    public String catalogName() {
        return catalogName;
    }
}
