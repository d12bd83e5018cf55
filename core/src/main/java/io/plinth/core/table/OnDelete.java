package io.plinth.core.table;

/** What deleting a referenced row does to the rows that reference it (Prisma's {@code onDelete}). */
public enum OnDelete {
    /** The referencing rows are deleted too. */
    CASCADE("CASCADE"),
    /** The referencing column is cleared. */
    SET_NULL("SET NULL"),
    /** The delete is refused while referencing rows exist. */
    RESTRICT("RESTRICT"),
    /** The delete is refused while referencing rows exist (checked at the end of the statement). */
    NO_ACTION("NO ACTION");

    private final String sql;

    OnDelete(String sql) {
        this.sql = sql;
    }

    /** The rule as SQL writes it. */
    public String sql() {
        return sql;
    }
}
