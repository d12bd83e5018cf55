package io.plinth.testkit;

import io.plinth.core.ConflictException;
import io.plinth.core.Ids;
import io.plinth.core.NotFoundException;
import io.plinth.core.table.ForeignKey;
import io.plinth.core.table.OnDelete;
import io.plinth.core.table.Table;
import io.plinth.core.table.UniqueKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The in-memory rows of one declared {@link Table}, with what the migration enforces, taken from
 * the same declaration: unique keys (indexed, so a look-up by key is no scan), foreign keys (the
 * parent must exist) and, when a parent goes, its {@link OnDelete} rule on the rows that reference
 * it. Every change goes through the {@link Tables} journal, so a failed call or unit of work leaves
 * nothing behind. Internal to the test kit.
 *
 * @param <R> the row record
 */
public final class MemTable<R> {
    private final Table<?, R> table;
    private final Tables tables;
    private final TreeMap<UUID, R> rows = new TreeMap<>(Ids.ORDER);
    /** Per unique key: the key's values → the row's id. */
    private final Map<String, Map<List<Object>, UUID>> unique = new HashMap<>();
    /** Per foreign key: the parent's key → the ids of the rows referencing it, in id order. */
    private final Map<String, Map<UUID, Set<UUID>>> children = new HashMap<>();

    MemTable(Table<?, R> table, Tables tables) {
        this.table = table;
        this.tables = tables;
        table.uniqueKeys().forEach(key -> unique.put(key.name(), new HashMap<>()));
        table.foreignKeys().forEach(fk -> children.put(fk.name(), new HashMap<>()));
    }

    /** The declaration. */
    public Table<?, R> table() {
        return table;
    }

    /** The row with this id, in any tenant, or null. */
    public R get(UUID id) {
        return rows.get(id);
    }

    /** The row with this id in the tenant, or null. */
    public R get(UUID tenant, UUID id) {
        R row = rows.get(id);
        return row != null && (table.tenantColumn() == null || tenant.equals(table.tenantOf(row))) ? row : null;
    }

    /** All rows in id order (a live view: do not change the store while iterating). */
    public java.util.Collection<R> rows() {
        return rows.values();
    }

    /** The rows of a tenant in id order, after {@code after} (null: from the start). */
    public List<R> list(UUID tenant, UUID after, int limit) {
        return list(tenant, after, limit, row -> true);
    }

    /** The rows of a tenant that {@code where} accepts, in id order, after {@code after} (null: from the start). */
    public List<R> list(UUID tenant, UUID after, int limit, java.util.function.Predicate<R> where) {
        List<R> page = new ArrayList<>();
        for (R row : (after == null ? rows : rows.tailMap(after, false)).values()) {
            if ((table.tenantColumn() == null || tenant.equals(table.tenantOf(row))) && where.test(row)) {
                page.add(row);
                if (page.size() == limit) {
                    break;
                }
            }
        }
        return page;
    }

    /** The id of the row holding these values of a unique key, or null. */
    public UUID findByKey(String uniqueKey, List<Object> values) {
        return unique.get(uniqueKey).get(values);
    }

    /** The ids of the rows whose foreign key {@code fk} references {@code parent}. */
    public Set<UUID> referencing(String fk, UUID parent) {
        return children.get(fk).getOrDefault(parent, Set.of());
    }

    /** Inserts a new row, as PostgreSQL would: unique keys first, then foreign keys. */
    public void insert(R row) {
        checkUnique(row);
        checkParents(row, null);
        write(null, row);
    }

    /** Replaces a stored row by its updated version, checking keys as an UPDATE would. */
    public void replace(R stored, R row) {
        checkUnique(row);
        checkParents(row, stored);
        write(stored, row);
    }

    /** Deletes a row and applies every on-delete rule of the rows that reference it. */
    public void delete(R row) {
        UUID id = table.idOf(row);
        write(row, null);
        tables.deleted(table.name(), id);
    }

    /** Clears a referencing column (ON DELETE SET NULL). */
    void clear(UUID id, String column) {
        R stored = rows.get(id);
        write(stored, table.with(stored, column, null));
    }

    private void checkUnique(R row) {
        UUID id = table.idOf(row);
        for (UniqueKey key : table.uniqueKeys()) {
            List<Object> values = values(row, key.columns());
            UUID holder = values == null ? null : unique.get(key.name()).get(values);
            if (holder != null && !holder.equals(id)) {
                throw new ConflictException(key.message().apply(values));
            }
        }
    }

    private void checkParents(R row, R stored) {
        for (ForeignKey fk : table.foreignKeys()) {
            Object value = table.column(fk.column()).of(row);
            boolean unchanged = stored != null && java.util.Objects.equals(value, table.column(fk.column()).of(stored));
            if (value != null && !unchanged && !tables.exists(fk.table(), (UUID) value)) {
                throw new NotFoundException(fk.entity(), value);
            }
        }
    }

    /** Replaces {@code old} (null: none) by {@code row} (null: none) in the rows and every index, journaled. */
    private void write(R old, R row) {
        UUID id = table.idOf(old != null ? old : row);
        for (UniqueKey key : table.uniqueKeys()) {
            Map<List<Object>, UUID> index = unique.get(key.name());
            List<Object> before = old == null ? null : values(old, key.columns());
            List<Object> after = row == null ? null : values(row, key.columns());
            if (before != null && !before.equals(after)) {
                tables.remove(index, before);
            }
            if (after != null && !after.equals(before)) {
                tables.put(index, after, id);
            }
        }
        for (ForeignKey fk : table.foreignKeys()) {
            Map<UUID, Set<UUID>> index = children.get(fk.name());
            UUID before = old == null ? null : (UUID) table.column(fk.column()).of(old);
            UUID after = row == null ? null : (UUID) table.column(fk.column()).of(row);
            if (before != null && !before.equals(after)) {
                Set<UUID> ids = new TreeSet<>(Ids.ORDER);
                ids.addAll(index.get(before));
                ids.remove(id);
                if (ids.isEmpty()) {
                    tables.remove(index, before);
                } else {
                    tables.put(index, before, ids);
                }
            }
            if (after != null && !after.equals(before)) {
                Set<UUID> ids = new TreeSet<>(Ids.ORDER);
                ids.addAll(index.getOrDefault(after, Set.of()));
                ids.add(id);
                tables.put(index, after, ids);
            }
        }
        if (row == null) {
            tables.remove(rows, id);
        } else {
            tables.put(rows, id, row);
        }
    }

    /** The values of {@code columns} in {@code row}, or null when one is null (NULLs never conflict). */
    private List<Object> values(R row, List<String> columns) {
        List<Object> values = new ArrayList<>(columns.size());
        for (String column : columns) {
            Object value = table.column(column).of(row);
            if (value == null) {
                return null;
            }
            values.add(value);
        }
        return values;
    }

    /** Applies the on-delete rule of foreign key {@code fk} to the rows referencing {@code parent}. */
    void parentDeleted(ForeignKey fk, UUID parent) {
        List<UUID> ids = List.copyOf(referencing(fk.name(), parent));
        for (UUID id : ids) {
            R row = rows.get(id);
            if (row == null) {
                continue;
            }
            switch (fk.onDelete()) {
                case CASCADE -> delete(row);
                case SET_NULL -> clear(id, fk.column());
                case RESTRICT -> throw stillReferenced(fk, parent);
                case NO_ACTION -> tables.atEndOfDelete(() -> {
                    if (!referencing(fk.name(), parent).isEmpty()) {
                        throw stillReferenced(fk, parent);
                    }
                });
            }
        }
    }

    private ConflictException stillReferenced(ForeignKey fk, UUID parent) {
        return new ConflictException(fk.refusal() != null
                ? String.format(fk.refusal(), parent)
                : fk.entity() + " " + parent + " is still referenced by a " + table.entity());
    }
}
