package io.plinth.core.table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * The one declaration of a model's table that every store uses: columns ↔ record components,
 * primary key, tenant column, version column, unique keys, foreign keys with their on-delete rule,
 * how a new row is made from its {@code NewX} record, and how a row is read back. The PostgreSQL
 * store derives its SQL from it; the in-memory store enforces the same keys and cascades; a test
 * holds it against PostgreSQL's catalog. Immutable and thread-safe.
 *
 * <pre>{@code
 * Table<NewCommunity, Community> COMMUNITIES = Table.of("communities", "community", CommunityRepository.class)
 *         .id("community_id", c -> c.id().value())
 *         .tenant("user_id", c -> c.userId().value(), "users", OnDelete.CASCADE)
 *         .text("name", Community::name)
 *         ...
 *         .creates((n, id, now) -> new Community(new CommunityId(id), n.userId(), n.name(), ..., now, 0))
 *         .reads(r -> new Community(new CommunityId(r.uuid("community_id")), ...));
 * }</pre>
 *
 * @param <N> the record that creates a row ({@code NewX})
 * @param <R> the row record
 */
public final class Table<N, R> {
    /** Makes a row from what creates it, the new id and the store's time. */
    @FunctionalInterface
    public interface Creator<N, R> {
        R create(N request, UUID id, Instant now);
    }

    private final String name;
    private final String entity;
    private final Class<?> repository;
    private final List<Column<R>> columns;
    private final String id;
    private final boolean keyedByTenant;
    private final String tenant;
    private final String version;
    private final String updatedAt;
    private final List<String> touched;
    private final List<UniqueKey> uniqueKeys;
    private final List<ForeignKey> foreignKeys;
    private final Creator<N, R> creator;
    private final Function<Row, R> reader;
    /** The columns' names and positions, for the rows a store reads. */
    private final Row.Layout layout;

    private Table(Builder<N, R> b, Function<Row, R> reader) {
        this.name = b.name;
        this.entity = b.entity;
        this.repository = b.repository;
        this.columns = List.copyOf(b.columns);
        this.id = Objects.requireNonNull(b.id, "a table needs an id column");
        this.keyedByTenant = b.keyedByTenant;
        this.tenant = b.tenant;
        if (keyedByTenant && tenant == null) {
            throw new IllegalArgumentException("table " + name + " is keyed by (tenant, " + id + ") but has no tenant");
        }
        this.version = b.version;
        this.updatedAt = b.touched.isEmpty() ? null : b.touched.get(0);
        this.touched = List.copyOf(b.touched);
        this.uniqueKeys = List.copyOf(b.uniqueKeys);
        this.foreignKeys = List.copyOf(b.foreignKeys);
        this.creator = Objects.requireNonNull(b.creator, "a table needs a creator");
        this.reader = Objects.requireNonNull(reader);
        this.layout = new Row.Layout(columns.stream().map(Column::name).toList());
    }

    /** Starts the declaration of table {@code name}, whose rows are called {@code entity} in errors. */
    public static <N, R> Builder<N, R> of(String name, String entity, Class<?> repository) {
        return new Builder<>(name, entity, repository);
    }

    public String name() {
        return name;
    }

    /** What one row is called in errors, e.g. {@code "community"}. */
    public String entity() {
        return entity;
    }

    /** The repository interface whose store this table is. */
    public Class<?> repository() {
        return repository;
    }

    public List<Column<R>> columns() {
        return columns;
    }

    /** The column named {@code name}. */
    public Column<R> column(String column) {
        for (Column<R> c : columns) {
            if (c.name().equals(column)) {
                return c;
            }
        }
        throw new IllegalArgumentException("table " + name + " has no column " + column);
    }

    /**
     * The column of a row's id: the primary key (a single uuid), or, in a table keyed by
     * {@link #keyedByTenant() (tenant, id)}, the id within the tenant.
     */
    public String idColumn() {
        return id;
    }

    /**
     * Whether the primary key is (tenant column, id column) rather than the id alone: the id is
     * given by the caller and unique only within its tenant ({@code workspace_members}: a user is a
     * member of many workspaces, of each at most once). Such a row is found by tenant and id only, and
     * no foreign key references it.
     */
    public boolean keyedByTenant() {
        return keyedByTenant;
    }

    /** The primary key's columns, in order: the id column, or the tenant column and the id column. */
    public List<String> primaryKey() {
        return keyedByTenant ? List.of(tenant, id) : List.of(id);
    }

    /** The tenant column ({@code user_id} or {@code workspace_id}), or null for a table of no tenant. */
    public String tenantColumn() {
        return tenant;
    }

    /** The table the tenant column references ({@code users} or {@code workspaces}), or null. */
    public String tenantTable() {
        for (ForeignKey fk : foreignKeys) {
            if (fk.column().equals(tenant)) {
                return fk.table();
            }
        }
        return null;
    }

    /** The optimistic-lock version column, or null when rows are never updated. */
    public String versionColumn() {
        return version;
    }

    /** The column every update sets to the store's time, or null. */
    public String updatedAtColumn() {
        return updatedAt;
    }

    /** Every column each update sets to the store's time (the seed's {@code @updatedAt} ones). */
    public List<String> touchedColumns() {
        return touched;
    }

    /** The unique keys; a table {@link #keyedByTenant() keyed by (tenant, id)} lists its primary key among them. */
    public List<UniqueKey> uniqueKeys() {
        return uniqueKeys;
    }

    public List<ForeignKey> foreignKeys() {
        return foreignKeys;
    }

    /** The id of a row. */
    public UUID idOf(R row) {
        return (UUID) column(id).of(row);
    }

    /** The tenant of a row, or null for a table of no tenant. */
    public UUID tenantOf(R row) {
        return tenant == null ? null : (UUID) column(tenant).of(row);
    }

    /** The version of a row (0 when the table has none). */
    public long versionOf(R row) {
        return version == null ? 0 : (Long) column(version).of(row);
    }

    /** Whether the table references rows of its own tenant (so writes check them first). */
    public boolean hasReferences() {
        return foreignKeys.stream().anyMatch(ForeignKey::sameTenant);
    }

    /** Whether a parent row of another table is in a given tenant: a store's look-up. */
    @FunctionalInterface
    public interface TenantLookup {
        boolean exists(Table<?, ?> parent, UUID key, UUID tenant);
    }

    /**
     * Checks every same-tenant reference of {@code row} that is set and differs from {@code stored}'s
     * (null for a new row): the parent must exist in the row's tenant. The same check, in the same
     * order, on every store, before anything is written.
     *
     * @throws io.plinth.core.InvalidInputException naming the referencing field otherwise
     */
    public void checkReferences(R row, R stored, TenantLookup lookup) {
        for (ForeignKey fk : foreignKeys) {
            if (!fk.sameTenant()) {
                continue;
            }
            Column<R> column = column(fk.column());
            Object value = column.of(row);
            if (value == null || stored != null && value.equals(column.of(stored))) {
                continue;
            }
            Table<?, ?> parent = Schema.named(fk.table());
            if (parent == null || !lookup.exists(parent, (UUID) value, tenantOf(row))) {
                throw new io.plinth.core.InvalidInputException(column.field(), "must name a " + fk.entity()
                        + " of the same " + (tenantTable() == null ? "owner" : "users".equals(tenantTable()) ? "user" : "workspace"));
            }
        }
    }

    /**
     * Whether {@link #checkReferences checkReferences(row, stored, …)} could look a parent up:
     * {@code row} sets a same-tenant reference that differs from {@code stored}'s (null for a new
     * row). When it does not, the check passes without a look-up.
     */
    public boolean setsReferences(R row, R stored) {
        for (ForeignKey fk : foreignKeys) {
            if (fk.sameTenant()) {
                Column<R> column = column(fk.column());
                Object value = column.of(row);
                if (value != null && (stored == null || !value.equals(column.of(stored)))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether an update to {@code changed} could look a parent up in {@link #checkReferences}, whatever
     * the stored row: it sets a same-tenant reference through a column an update changes (the other
     * columns keep the stored values, which need no check).
     */
    public boolean updateSetsReferences(R changed) {
        for (ForeignKey fk : foreignKeys) {
            if (fk.sameTenant()) {
                Column<R> column = column(fk.column());
                if (column.updatable() && column.of(changed) != null) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A new row from what creates it. */
    public R create(N request, UUID newId, Instant now) {
        return creator.create(request, newId, now);
    }

    /** The row read from its column values. */
    public R read(Row row) {
        return reader.apply(row);
    }

    /** The row read from its column values in column order (a store's fast path; the array is kept). */
    public R read(Object[] valuesInColumnOrder) {
        return reader.apply(new Row(layout, valuesInColumnOrder));
    }

    /** The column values of a row, in column order. */
    public Map<String, Object> values(R row) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Column<R> c : columns) {
            values.put(c.name(), c.of(row));
        }
        return values;
    }

    /**
     * The row an update stores: the changed row's updatable columns over the stored row's others,
     * the update time, and the next version.
     */
    public R updated(R stored, R changed, Instant now) {
        Map<String, Object> values = values(stored);
        for (Column<R> c : columns) {
            if (c.updatable()) {
                values.put(c.name(), c.of(changed));
            }
        }
        for (String column : touched) {
            values.put(column, now);
        }
        if (version != null) {
            values.put(version, versionOf(stored) + 1);
        }
        return read(new Row(values));
    }

    /** The row with one column changed (for {@link OnDelete#SET_NULL}). */
    public R with(R row, String column, Object value) {
        Map<String, Object> values = values(row);
        values.put(column, value);
        return read(new Row(values));
    }

    @Override
    public String toString() {
        return "Table[" + name + "]";
    }

    /**
     * Declares a table column by column. Column names follow the seed; the Java field name errors
     * use is the column's name in camel case unless given.
     */
    public static final class Builder<N, R> {
        private final String name;
        private final String entity;
        private final Class<?> repository;
        private final List<Column<R>> columns = new ArrayList<>();
        private final List<UniqueKey> uniqueKeys = new ArrayList<>();
        private final List<ForeignKey> foreignKeys = new ArrayList<>();
        private String id;
        private boolean keyedByTenant;
        private String tenant;
        private String version;
        private final List<String> touched = new ArrayList<>();
        private Creator<N, R> creator;

        private Builder(String name, String entity, Class<?> repository) {
            this.name = name;
            this.entity = entity;
            this.repository = repository;
        }

        private Builder<N, R> add(String column, String field, ColumnType type, boolean nullable, boolean updatable,
                                  Function<R, ?> value) {
            @SuppressWarnings("unchecked")
            Function<R, Object> getter = (Function<R, Object>) value;
            columns.add(new Column<>(column, field, type, nullable, updatable, getter));
            return this;
        }

        /** The primary key: a uuid column the store fills with a new time-ordered id. */
        public Builder<N, R> id(String column, Function<R, UUID> value) {
            this.id = column;
            return add(column, "id", ColumnType.UUID, false, false, value);
        }

        /**
         * The id of a row within its tenant, given by the caller ({@code user_id} of a membership): the
         * primary key is (tenant column, this column), named {@code <table>_pkey}, and a second row of the
         * same key is refused with {@code taken}'s message (given the tenant and the id). Declare the
         * tenant first.
         */
        public Builder<N, R> idInTenant(String column, Function<R, UUID> value, Function<List<Object>, String> taken) {
            if (tenant == null) {
                throw new IllegalStateException("declare the tenant of " + name + " before its id within the tenant");
            }
            this.id = column;
            this.keyedByTenant = true;
            uniqueKeys.add(new UniqueKey(name + "_pkey", List.of(tenant, column), taken));
            return add(column, Column.fieldOf(column), ColumnType.UUID, false, false, value);
        }

        /**
         * The tenant column: every scoped call filters on it; it references {@code parent}'s key and
         * follows {@code onDelete} when the tenant goes.
         */
        public Builder<N, R> tenant(String column, Function<R, UUID> value, String parent, String parentKey,
                                    String parentEntity, OnDelete onDelete) {
            this.tenant = column;
            add(column, Column.fieldOf(column), ColumnType.UUID, false, false, value);
            foreignKeys.add(new ForeignKey(name + "_" + column + "_fkey", column, parent, parentKey, parentEntity,
                    onDelete, null, false));
            return this;
        }

        /** A column of the given type. */
        public Builder<N, R> column(String column, ColumnType type, boolean nullable, Function<R, ?> value) {
            return add(column, Column.fieldOf(column), type, nullable, true, value);
        }

        /** A column whose record component is spelled {@code field} rather than the column's name in camel case. */
        public Builder<N, R> column(String column, String field, ColumnType type, boolean nullable, Function<R, ?> value) {
            return add(column, field, type, nullable, true, value);
        }

        /** A column an update never changes (set when the row is made). */
        public Builder<N, R> fixed(String column, ColumnType type, boolean nullable, Function<R, ?> value) {
            return add(column, Column.fieldOf(column), type, nullable, false, value);
        }

        /** The creation time, set by the store and never updated. */
        public Builder<N, R> createdAt(String column, Function<R, java.time.Instant> value) {
            return add(column, Column.fieldOf(column), ColumnType.INSTANT, false, false, value);
        }

        /** The column every update sets to the store's time. */
        public Builder<N, R> updatedAt(String column, boolean nullable, Function<R, java.time.Instant> value) {
            touched.add(column);
            return add(column, Column.fieldOf(column), ColumnType.INSTANT, nullable, false, value);
        }

        /** The optimistic-lock version column ({@code version bigint NOT NULL DEFAULT 0}). */
        public Builder<N, R> version(Function<R, Long> value) {
            this.version = "version";
            return add("version", "version", ColumnType.LONG, false, false, value);
        }

        /** A unique key over {@code keyColumns}; {@code message} says what is taken. */
        public Builder<N, R> unique(String constraint, List<String> keyColumns, Function<List<Object>, String> message) {
            uniqueKeys.add(new UniqueKey(constraint, keyColumns, message));
            return this;
        }

        /**
         * A unique index on an expression of one column ({@code CREATE UNIQUE INDEX name ON table
         * (expression)}): {@code fold} computes in Java what {@code expression} computes in SQL, and
         * {@code message} is given the new row's value of the column.
         */
        public Builder<N, R> uniqueExpression(String index, String column, String expression,
                                              java.util.function.UnaryOperator<Object> fold,
                                              Function<List<Object>, String> message) {
            uniqueKeys.add(new UniqueKey(index, List.of(column), message, expression, fold));
            return this;
        }

        /**
         * A foreign key of {@code column} to {@code parent.parentKey}, a row of the same tenant
         * (Prisma's name {@code <table>_<column>_fkey}); {@code refusal} says why a
         * {@link OnDelete#RESTRICT} or {@link OnDelete#NO_ACTION} parent cannot be deleted.
         */
        public Builder<N, R> references(String column, String parent, String parentKey, String parentEntity,
                                        OnDelete onDelete, String refusal) {
            foreignKeys.add(new ForeignKey(name + "_" + column + "_fkey", column, parent, parentKey, parentEntity,
                    onDelete, refusal, true));
            return this;
        }

        /**
         * A foreign key of {@code column} to a row of any tenant ({@code users}, for a "created by"):
         * the parent must exist, nothing more.
         */
        public Builder<N, R> referencesAny(String column, String parent, String parentKey, String parentEntity,
                                           OnDelete onDelete) {
            return referencesAny(column, parent, parentKey, parentEntity, onDelete, null);
        }

        /**
         * A foreign key of {@code column} to a row of any tenant; {@code refusal} says why a
         * {@link OnDelete#RESTRICT} or {@link OnDelete#NO_ACTION} parent cannot be deleted
         * ({@code %s} for its id).
         */
        public Builder<N, R> referencesAny(String column, String parent, String parentKey, String parentEntity,
                                           OnDelete onDelete, String refusal) {
            foreignKeys.add(new ForeignKey(name + "_" + column + "_fkey", column, parent, parentKey, parentEntity,
                    onDelete, refusal, false));
            return this;
        }

        /** How a row is made from its {@code NewX} record. */
        public Builder<N, R> creates(Creator<N, R> rowCreator) {
            this.creator = rowCreator;
            return this;
        }

        /** How a row is read from its column values; completes the declaration. */
        public Table<N, R> reads(Function<Row, R> reader) {
            return new Table<>(this, reader);
        }

    }
}
