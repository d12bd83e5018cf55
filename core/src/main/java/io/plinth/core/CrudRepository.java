package io.plinth.core;

import java.util.Optional;

/**
 * The calls every tenant-scoped model has, given by its {@link io.plinth.core.table.Table table
 * declaration} on every store. A model's repository interface extends it and adds what is special.
 * Every call names the tenant ({@code scope}: a {@code UserId} or a {@code WorkspaceId}); a row of
 * another tenant is {@link NotFoundException}, exactly as a row that does not exist.
 *
 * @param <S> the tenant's id type
 * @param <I> the row's id type
 * @param <N> what creates a row ({@code NewX})
 * @param <R> the row
 */
public interface CrudRepository<S extends Id, I extends Id, N, R> {
    /**
     * Creates a row; the store assigns the id, the times and version 0.
     *
     * @throws ConflictException when a unique key is taken
     * @throws NotFoundException when a row it references does not exist (in the tenant)
     */
    R create(N row);

    /** The row, or a {@link NotFoundException}. */
    @ReadOnly
    R get(S scope, I id);

    /** The row, if it exists in the tenant. */
    @ReadOnly
    Optional<R> find(S scope, I id);

    /**
     * Saves the row's changeable fields if its version is still the stored one, and returns it with
     * the next version; a stale version is a {@link ConflictException}.
     */
    R update(R row);

    /** Deletes the row and what cascades from it; a missing row is a {@link NotFoundException}. */
    void delete(S scope, I id);

    /** The tenant's rows in id (creation) order, keyset-paged. */
    @ReadOnly
    Page<R> list(S scope, PageRequest page);
}
