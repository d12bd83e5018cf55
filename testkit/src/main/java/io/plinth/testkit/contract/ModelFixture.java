package io.plinth.testkit.contract;

import io.plinth.core.AppendRepository;
import io.plinth.core.CrudRepository;
import io.plinth.core.Id;
import io.plinth.core.Store;
import io.plinth.core.table.Table;
import io.plinth.tenancy.User;
import java.util.UUID;
import java.util.function.Function;

/**
 * What the generic contract ({@link ModelContract}) needs to know of one declared model: how to make
 * a tenant, a valid new row in it (the {@code n}-th, distinct from the others in every unique key),
 * and a change of a stored row. One per declared table, registered in {@link ModelFixtures}.
 *
 * @param table   the model's declaration
 * @param id      the typed id of a row's UUID
 * @param tenant  the tenant id of a user made for the test (the user's id, or a workspace of theirs)
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

    /** The model's repository in {@code store}. */
    @SuppressWarnings("unchecked")
    public AppendRepository<S, I, N, R> repository(io.plinth.core.RepositoryLookup store) {
        return (AppendRepository<S, I, N, R>) store.repository(table.repository());
    }

    /** Whether the model's rows change (its repository is a {@link CrudRepository}). */
    public boolean changes() {
        return CrudRepository.class.isAssignableFrom(table.repository());
    }

    /** The model's repository in {@code store}, for a model whose rows change. */
    @SuppressWarnings("unchecked")
    public CrudRepository<S, I, N, R> crud(io.plinth.core.RepositoryLookup store) {
        return (CrudRepository<S, I, N, R>) store.repository(table.repository());
    }

    @Override
    public String toString() {
        return table.name();
    }
}
