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
 * nothing behind. Internal to the test kit, left out of the Javadoc.
 *
 * @param <R> the row record
 */
public final class MemTable<R> {
    private final Table<?, R> table;
    private final Tables tables;
    private final TreeMap<Key, R> rows = new TreeMap<>(Key.ORDER);
    /** Per unique key: the key's values → the row's key. */
    private final Map<String, Map<List<Object>, Key>> unique = new HashMap<>();
    /** Per foreign key: the parent's key → the keys of the rows referencing it, in key order. */
    private final Map<String, Map<UUID, Set<Key>>> children = new HashMap<>();

    /**
     * A row's primary key: its id, or, in a table {@link Table#keyedByTenant() keyed by (tenant, id)},
     * its tenant and id ({@code tenant} is null otherwise). Ordered as PostgreSQL orders the key.
     */
    private record Key(UUID tenant, UUID id) {
        static final java.util.Comparator<Key> ORDER = java.util.Comparator
                .comparing(Key::tenant, java.util.Comparator.nullsFirst(Ids.ORDER))
                .thenComparing(Key::id, Ids.ORDER);
        static final UUID FIRST = new UUID(0, 0);
    }

    private Key key(R row) {
        return new Key(table.keyedByTenant() ? table.tenantOf(row) : null, table.idOf(row));
    }

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

    /** The row with this id, in any tenant, or null (a table keyed by (tenant, id) needs the tenant). */
    public R get(UUID id) {
        if (table.keyedByTenant()) {
            throw new IllegalStateException(table + " is keyed by (tenant, id): give the tenant");
        }
        return rows.get(new Key(null, id));
    }

    /** The row with this id in the tenant, or null. */
    public R get(UUID tenant, UUID id) {
        if (table.keyedByTenant()) {
            return rows.get(new Key(tenant, id));
        }
        R row = rows.get(new Key(null, id));
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
        java.util.SortedMap<Key, R> from;
        if (table.keyedByTenant()) {
            from = rows.tailMap(new Key(tenant, after == null ? Key.FIRST : after), after == null);
        } else {
            from = after == null ? rows : rows.tailMap(new Key(null, after), false);
        }
        for (R row : from.values()) {
            if (table.keyedByTenant() && !tenant.equals(table.tenantOf(row))) {
                break;
            }
            if ((table.tenantColumn() == null || tenant.equals(table.tenantOf(row))) && where.test(row)) {
                page.add(row);
                if (page.size() == limit) {
                    break;
                }
            }
        }
        return page;
    }

    /** The id of the row holding these values of a unique key (as it compares them: an expression index's), or null. */
    public UUID findByKey(String uniqueKey, List<Object> values) {
        Key key = unique.get(uniqueKey).get(values);
        return key == null ? null : key.id();
    }

    /** The ids of the rows whose foreign key {@code fk} references {@code parent}, in key order. */
    public List<UUID> referencing(String fk, UUID parent) {
        return children.get(fk).getOrDefault(parent, Set.of()).stream().map(Key::id).toList();
    }

    /** The rows whose foreign key {@code fk} references {@code parent}, in key order. */
    public List<R> rowsReferencing(String fk, UUID parent) {
        return children.get(fk).getOrDefault(parent, Set.of()).stream().map(rows::get).toList();
    }

    /** Inserts a new row, as PostgreSQL would: unique keys first, then foreign keys. */
    public void insert(R row) {
        checkUnique(row, null);
        checkParents(row, null);
        write(null, row);
    }

    /** Replaces a stored row by its updated version, checking keys as an UPDATE would. */
    public void replace(R stored, R row) {
        checkUnique(row, stored);
        checkParents(row, stored);
        write(stored, row);
    }

    /** Deletes a row and applies every on-delete rule of the rows that reference it. */
    public void delete(R row) {
        write(row, null);
        if (!table.keyedByTenant()) {
            tables.deleted(table.name(), table.idOf(row));
        }
    }

    /** Clears a referencing column (ON DELETE SET NULL). */
    private void clear(Key key, String column) {
        R stored = rows.get(key);
        write(stored, table.with(stored, column, null));
    }

    /** Refuses a key another row holds ({@code stored}: the row being updated, null for an insert). */
    private void checkUnique(R row, R stored) {
        Key id = stored == null ? null : key(stored);
        for (UniqueKey key : table.uniqueKeys()) {
            List<Object> values = values(row, key.columns());
            Key holder = values == null ? null : unique.get(key.name()).get(key.keyOf(values));
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
        Key id = key(old != null ? old : row);
        for (UniqueKey key : table.uniqueKeys()) {
            Map<List<Object>, Key> index = unique.get(key.name());
            List<Object> before = old == null ? null : keyOf(key, values(old, key.columns()));
            List<Object> after = row == null ? null : keyOf(key, values(row, key.columns()));
            if (before != null && !before.equals(after)) {
                tables.remove(index, before);
            }
            if (after != null && !after.equals(before)) {
                tables.put(index, after, id);
            }
        }
        for (ForeignKey fk : table.foreignKeys()) {
            Map<UUID, Set<Key>> index = children.get(fk.name());
            UUID before = old == null ? null : (UUID) table.column(fk.column()).of(old);
            UUID after = row == null ? null : (UUID) table.column(fk.column()).of(row);
            if (before != null && !before.equals(after)) {
                Set<Key> ids = new TreeSet<>(Key.ORDER);
                ids.addAll(index.get(before));
                ids.remove(id);
                if (ids.isEmpty()) {
                    tables.remove(index, before);
                } else {
                    tables.put(index, before, ids);
                }
            }
            if (after != null && !after.equals(before)) {
                Set<Key> ids = new TreeSet<>(Key.ORDER);
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

    private static List<Object> keyOf(UniqueKey key, List<Object> values) {
        return values == null ? null : key.keyOf(values);
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
        List<Key> ids = List.copyOf(children.get(fk.name()).getOrDefault(parent, Set.of()));
        for (Key id : ids) {
            R row = rows.get(id);
            if (row == null) {
                continue;
            }
            switch (fk.onDelete()) {
                case CASCADE -> delete(row);
                case SET_NULL -> clear(id, fk.column());
                case RESTRICT -> throw stillReferenced(fk, parent);
                case NO_ACTION -> tables.atEndOfDelete(() -> {
                    if (!children.get(fk.name()).getOrDefault(parent, Set.of()).isEmpty()) {
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
