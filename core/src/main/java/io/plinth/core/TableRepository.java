package io.plinth.core;

import java.util.Optional;

/**
 * The calls of every model of a table of no tenant (users, workspaces), given by its
 * {@link io.plinth.core.table.Table table declaration} on every store: what {@link CrudRepository}
 * gives a tenant-scoped model, without the scope. A model's repository interface extends it and adds
 * what is special.
 *
 * @param <I> the row's id type
 * @param <N> what creates a row ({@code NewX})
 * @param <R> the row
 */
public interface TableRepository<I extends Id, N, R> {
    /**
     * Creates a row; the store assigns the id, the times and version 0.
     *
     * @throws ConflictException when a unique key is taken
     * @throws NotFoundException when a row it references does not exist
     */
    R create(N row);

    /** The row, or a {@link NotFoundException}. */
    @ReadOnly
    R get(I id);

    /** The row, if it exists. */
    @ReadOnly
    Optional<R> find(I id);

    /**
     * Saves the row's changeable fields if its version is still the stored one, and returns it with
     * the next version; a stale version is a {@link ConflictException}.
     */
    R update(R row);

    /** Deletes the row and what cascades from it; a missing row is a {@link NotFoundException}. */
    void delete(I id);

    /** All rows in id (creation) order, keyset-paged. */
    @ReadOnly
    Page<R> list(PageRequest page);
}
