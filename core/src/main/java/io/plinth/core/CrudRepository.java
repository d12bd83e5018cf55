package io.plinth.core;

/**
 * The calls of every tenant-scoped model whose rows change: {@link AppendRepository}'s, and the
 * optimistic update and the delete, given by its {@link io.plinth.core.table.Table table declaration}
 * on every store. A model's repository interface extends it and adds what is special.
 *
 * @param <S> the tenant's id type
 * @param <I> the row's id type
 * @param <N> what creates a row ({@code NewX})
 * @param <R> the row
 */
public interface CrudRepository<S extends Id, I extends Id, N, R> extends AppendRepository<S, I, N, R> {
    /**
     * Saves the row's changeable fields if its version is still the stored one, and returns it with
     * the next version; a stale version is a {@link ConflictException}.
     */
    R update(R row);

    /** Deletes the row and what cascades from it; a missing row is a {@link NotFoundException}. */
    void delete(S scope, I id);
}
