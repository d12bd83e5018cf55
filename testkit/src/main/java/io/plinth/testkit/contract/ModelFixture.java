package io.plinth.testkit.contract;

import io.plinth.core.AppendRepository;
import io.plinth.core.CrudRepository;
import io.plinth.core.Id;
import io.plinth.core.Page;
import io.plinth.core.PageRequest;
import io.plinth.core.Store;
import io.plinth.core.TableRepository;
import io.plinth.core.table.Table;
import io.plinth.tenancy.User;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * What the generic contract ({@link ModelContract}) needs to know of one declared model: how to make
 * a tenant, a valid new row in it (the {@code n}-th, distinct from the others in every unique key),
 * and a change of a stored row. One per declared table, registered in {@link ModelFixtures}.
 *
 * @param table   the model's declaration
 * @param id      the typed id of a row's UUID
 * @param tenant  the tenant id of a user made for the test (the user's id, or a workspace of theirs); for
 *                a table of no tenant, what its new rows need (the user's id)
 * @param newRow  the {@code n}-th new row of a tenant; may create the rows it references
 * @param changed a stored row with a changeable field changed
 */
public record ModelFixture<S extends Id, I extends Id, N, R>(
        Table<N, R> table,
        Function<UUID, I> id,
        TenantMaker<S> tenant,
        RowMaker<S, N> newRow,
        Function<R, R> changed) {

    /** Makes the tenant of a new user. */
    @FunctionalInterface
    public interface TenantMaker<S> {
        S make(Store store, User user);
    }

    /** Makes the {@code n}-th new row of a tenant. */
    @FunctionalInterface
    public interface RowMaker<S, N> {
        N make(Store store, S tenant, int n);
    }

    /** The model's repository in {@code store} (a table of no tenant's seen through {@link #scopeless}). */
    @SuppressWarnings("unchecked")
    public AppendRepository<S, I, N, R> repository(io.plinth.core.RepositoryLookup store) {
        Object repository = store.repository(table.repository());
        return repository instanceof TableRepository<?, ?, ?> rows
                ? scopeless((TableRepository<I, N, R>) rows) : (AppendRepository<S, I, N, R>) repository;
    }

    /** Whether the model's rows change (its repository is a {@link CrudRepository} or a {@link TableRepository}). */
    public boolean changes() {
        return CrudRepository.class.isAssignableFrom(table.repository())
                || TableRepository.class.isAssignableFrom(table.repository());
    }

    /** The model's repository in {@code store}, for a model whose rows change. */
    public CrudRepository<S, I, N, R> crud(io.plinth.core.RepositoryLookup store) {
        return (CrudRepository<S, I, N, R>) repository(store);
    }

    /**
     * A repository of a table of no tenant as a {@link CrudRepository} that ignores the scope, so the
     * generic contract runs on it as on any other.
     */
    private CrudRepository<S, I, N, R> scopeless(TableRepository<I, N, R> rows) {
        return new CrudRepository<>() {
            @Override
            public R create(N row) {
                return rows.create(row);
            }

            @Override
            public R get(S scope, I id) {
                return rows.get(id);
            }

            @Override
            public Optional<R> find(S scope, I id) {
                return rows.find(id);
            }

            @Override
            public Page<R> list(S scope, PageRequest page) {
                return rows.list(page);
            }

            @Override
            public R update(R row) {
                return rows.update(row);
            }

            @Override
            public void delete(S scope, I id) {
                rows.delete(id);
            }
        };
    }

    @Override
    public String toString() {
        return table.name();
    }
}
