package io.plinth.testkit;

import io.plinth.core.Id;
import io.plinth.core.TableRepository;
import io.plinth.core.internal.ScopelessRepository;
import io.plinth.core.table.Table;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * A {@link TableRepository} on the in-memory rows of a declared table of no tenant: the calls of
 * {@link MemCrudRepository}, without the scope. A model's special calls extend it. Internal to the test kit, left out of the Javadoc.
 */
public class MemTableRepository<I extends Id, N, R> extends ScopelessRepository<I, N, R> {
    protected final Tables tables;
    protected final MemTable<R> rows;
    protected final Table<N, R> table;
    protected final Supplier<Instant> now;

    public MemTableRepository(Tables tables, Table<N, R> table, Supplier<Instant> now) {
        this(new MemCrudRepository<>(tables, table, now));
    }

    private MemTableRepository(MemCrudRepository<Id, I, N, R> crud) {
        super(crud);
        if (crud.table.tenantColumn() != null) {
            throw new IllegalArgumentException(crud.table + " has a tenant: use a MemCrudRepository");
        }
        this.tables = crud.tables;
        this.rows = crud.rows;
        this.table = crud.table;
        this.now = crud.now;
    }
}
