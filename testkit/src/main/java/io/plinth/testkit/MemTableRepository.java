package io.plinth.testkit;

import io.plinth.core.Id;
import io.plinth.core.Page;
import io.plinth.core.PageRequest;
import io.plinth.core.TableRepository;
import io.plinth.core.table.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A {@link TableRepository} on the in-memory rows of a declared table of no tenant: the calls of
 * {@link MemCrudRepository}, without the scope. A model's special calls extend it. Internal to the
 * test kit.
 */
public class MemTableRepository<I extends Id, N, R> implements TableRepository<I, N, R> {
    protected final Tables tables;
    protected final MemTable<R> rows;
    protected final Table<N, R> table;
    protected final Supplier<Instant> now;
    private final MemCrudRepository<Id, I, N, R> crud;

    public MemTableRepository(Tables tables, Table<N, R> table, Supplier<Instant> now) {
        if (table.tenantColumn() != null) {
            throw new IllegalArgumentException(table + " has a tenant: use a MemCrudRepository");
        }
        this.crud = new MemCrudRepository<>(tables, table, now);
        this.tables = tables;
        this.rows = tables.table(table);
        this.table = table;
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
