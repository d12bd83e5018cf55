package io.plinth.core.table;

/**
 * A column that references another table's key.
 *
 * @param name        the constraint's name in PostgreSQL
 * @param column      the referencing column
 * @param table       the referenced table
 * @param key         the referenced column (its primary key)
 * @param entity      what a missing parent is called in a {@link io.plinth.core.NotFoundException}
 * @param onDelete    what deleting the parent does
 * @param refusal     for {@link OnDelete#RESTRICT}/{@link OnDelete#NO_ACTION}: why the parent cannot be
 *                    deleted, with {@code %s} for its id
 * @param sameTenant  whether the parent must belong to the row's own tenant (every reference but the
 *                    tenant column's own): a row of another tenant is refused as if it did not exist
 */
public record ForeignKey(String name, String column, String table, String key, String entity, OnDelete onDelete,
                         String refusal, boolean sameTenant) {
}
