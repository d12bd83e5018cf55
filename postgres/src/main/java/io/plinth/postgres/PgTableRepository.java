package io.plinth.postgres;

import io.plinth.core.Id;
import io.plinth.core.Page;
import io.plinth.core.PageRequest;
import io.plinth.core.TableRepository;
import io.plinth.core.table.Table;
import io.plinth.postgres.sql.TableSql;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * A {@link TableRepository} on a declared table of no tenant, with the SQL its declaration gives
 * ({@link TableSql}): the calls of {@link PgCrudRepository}, without the scope. A model's special
 * calls extend it.
 */
public class PgTableRepository<I extends Id, N, R> implements TableRepository<I, N, R> {
    protected final Handle handle;
    protected final Table<N, R> table;
    protected final TableSql<R> sql;
    protected final Supplier<Instant> now;
    private final PgCrudRepository<Id, I, N, R> crud;

    public PgTableRepository(Handle handle, Table<N, R> table, Supplier<Instant> now) {
        if (table.tenantColumn() != null) {
            throw new IllegalArgumentException(table + " has a tenant: use a PgCrudRepository");
        }
        this.crud = new PgCrudRepository<>(handle, table, now);
        this.handle = handle;
        this.table = table;
        this.sql = TableSql.of(table);
        this.now = now;
    }

    @Override
    public R create(N request) {
        return crud.create(request);
    }

    @Override
    public R get(I id) {
        return crud.get(null, id);
    }

    @Override
    public Optional<R> find(I id) {
        return crud.find(null, id);
    }

    @Override
    public R update(R row) {
        return crud.update(row);
    }

    @Override
    public void delete(I id) {
        crud.delete(null, id);
    }

    @Override
    public Page<R> list(PageRequest page) {
        return crud.list(null, page);
    }
}
