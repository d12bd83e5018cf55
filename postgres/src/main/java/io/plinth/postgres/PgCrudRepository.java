package io.plinth.postgres;

import io.plinth.core.ConflictException;
import io.plinth.core.CrudRepository;
import io.plinth.core.Id;
import io.plinth.core.Ids;
import io.plinth.core.NotFoundException;
import io.plinth.core.Page;
import io.plinth.core.PageRequest;
import io.plinth.core.table.Table;
import io.plinth.postgres.sql.TableSql;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * A {@link CrudRepository} on a declared table, with the SQL its declaration gives
 * ({@link TableSql}): what every declared model gets on PostgreSQL without a line of its own. A
 * model's special calls extend it.
 */
public class PgCrudRepository<S extends Id, I extends Id, N, R> implements CrudRepository<S, I, N, R> {
    protected final Handle handle;
    protected final Table<N, R> table;
    protected final TableSql<R> sql;
    protected final Supplier<Instant> now;

    public PgCrudRepository(Handle handle, Table<N, R> table, Supplier<Instant> now) {
        this.handle = handle;
        this.table = table;
        this.sql = TableSql.of(table);
        this.now = now;
    }

    @Override
    public R create(N request) {
        R row = table.create(request, Ids.next(), now.get());
        table.checkReferences(row, null, this::exists);
        return insert(row);
    }

    /** Whether the parent row is in the tenant. */
    private boolean exists(Table<?, ?> parent, UUID key, UUID tenant) {
        return scoped(parent, handle.createQuery(TableSql.of(parent).exists()).bind("id", key), tenant)
                .mapTo(Boolean.class).one();
    }

    /** Inserts a whole row and returns it as stored. */
    protected R insert(R row) {
        try {
            return bindAll(handle.createQuery(sql.insert()), table.values(row)).map(sql.mapper()).one();
        } catch (RuntimeException e) {
            throw taken(e, table.values(row));
        }
    }

    /**
     * A unique key of this table taken: a {@link ConflictException} worded by the declaration from the
     * row's own values, exactly as the in-memory store words it (PostgreSQL's DETAIL cannot be split
     * back into values when a text holds {@code ", "}); any other failure unchanged.
     */
    protected RuntimeException taken(RuntimeException failure, Map<String, Object> values) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.postgresql.util.PSQLException psql && "23505".equals(psql.getSQLState())
                    && psql.getServerErrorMessage() != null) {
                String constraint = psql.getServerErrorMessage().getConstraint();
                for (io.plinth.core.table.UniqueKey key : table.uniqueKeys()) {
                    if (key.name().equals(constraint)) {
                        List<Object> keyValues = key.columns().stream().map(values::get).toList();
                        return new ConflictException(key.message().apply(keyValues), failure);
                    }
                }
            }
        }
        return failure;
    }

    /** The stored row, in any state, for the reference check of an update (null when there is none). */
    private R find(UUID tenant, UUID id) {
        return scoped(table, handle.createQuery(sql.select()).bind("id", id), tenant).map(sql.mapper()).findOne()
                .orElse(null);
    }

    @Override
    public R get(S scope, I id) {
        return find(scope, id).orElseThrow(() -> new NotFoundException(table.entity(), id));
    }

    @Override
    public Optional<R> find(S scope, I id) {
        return scoped(table, handle.createQuery(sql.select()).bind("id", id.value()), tenant(scope))
                .map(sql.mapper()).findOne();
    }

    @Override
    public R update(R row) {
        UUID id = table.idOf(row);
        UUID tenant = table.tenantOf(row);
        if (table.hasReferences()) {
            R stored = find(tenant, id);
            if (stored != null) {
                table.checkReferences(table.updated(stored, row, now.get()), stored, this::exists);
            }
        }
        Map<String, Object> values = table.values(row);
        values.put(TableSql.NOW, now.get());
        values.keySet().retainAll(sql.updateParameters());
        Optional<R> updated;
        try {
            updated = bindAll(handle.createQuery(sql.update()), values).map(sql.mapper()).findOne();
        } catch (RuntimeException e) {
            throw taken(e, table.values(row));
        }
        if (updated.isPresent()) {
            return updated.get();
        }
        boolean exists = scoped(table, handle.createQuery(sql.exists()).bind("id", id), tenant).mapTo(Boolean.class).one();
        throw exists ? ConflictException.staleVersion(table.entity(), id) : new NotFoundException(table.entity(), id);
    }

    @Override
    public void delete(S scope, I id) {
        int deleted = scoped(table, handle.createUpdate(sql.delete()).bind("id", id.value()), tenant(scope)).execute();
        if (deleted == 0) {
            throw new NotFoundException(table.entity(), id);
        }
    }

    @Override
    public Page<R> list(S scope, PageRequest page) {
        UUID after = page.afterKey() == null ? new UUID(0, 0) : page.afterKey();
        List<R> rows = scoped(table, handle.createQuery(sql.list()), tenant(scope)).bind("after", after)
                .bind("limit", page.limit() + 1).map(sql.mapper()).list();
        return Page.of(rows, page.limit(), table::idOf);
    }

    /** Binds the tenant, for a table that has one ({@link PgTableRepository} passes no scope). */
    private static <T extends SqlStatement<T>> T scoped(Table<?, ?> of, T statement, UUID tenant) {
        return of.tenantColumn() == null ? statement : statement.bind("tenant", tenant);
    }

    private static UUID tenant(Id scope) {
        return scope == null ? null : scope.value();
    }

    /** Binds column values by name, each as its column's type (SQL NULL typed too). */
    protected <T extends SqlStatement<T>> T bindAll(T statement, Map<String, Object> values) {
        values.forEach((column, value) -> sql.bind(statement, column, value));
        return statement;
    }
}
