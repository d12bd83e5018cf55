package io.plinth.core.internal;

import io.plinth.core.CrudRepository;
import io.plinth.core.Id;
import io.plinth.core.Page;
import io.plinth.core.PageRequest;
import io.plinth.core.TableRepository;
import java.util.Optional;

/**
 * A {@link TableRepository} made of a store's generic {@link CrudRepository} on a table of no tenant,
 * called with no scope (null): each store's repository of such a table extends it, so the calls are
 * the generic ones, written once per store.
 *
 * @param <I> the row's id type
 * @param <N> what creates a row
 * @param <R> the row
 */
public abstract class ScopelessRepository<I extends Id, N, R> implements TableRepository<I, N, R> {
    private final CrudRepository<Id, I, N, R> rows;

    /** @param rows the store's generic repository of the table, which takes a null scope */
    protected ScopelessRepository(CrudRepository<Id, I, N, R> rows) {
        this.rows = rows;
    }

    @Override
    public R create(N request) {
        return rows.create(request);
    }

    @Override
    public R get(I id) {
        return rows.get(null, id);
    }

    @Override
    public Optional<R> find(I id) {
        return rows.find(null, id);
    }

    @Override
    public R update(R row) {
        return rows.update(row);
    }

    @Override
    public void delete(I id) {
        rows.delete(null, id);
    }

    @Override
    public Page<R> list(PageRequest page) {
        return rows.list(null, page);
    }
}
