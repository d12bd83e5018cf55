package io.plinth.core;

import java.util.Optional;

/**
 * The calls every tenant-scoped model has, given by its {@link io.plinth.core.table.Table table
 * declaration} on every store; {@link CrudRepository} adds update and delete for the models whose
 * rows change. An append-only model (a log, a history) extends this one alone: its rows are never
 * changed nor deleted, except with their tenant. Every call names the tenant ({@code scope}: a
 * {@code UserId} or a {@code WorkspaceId}); a row of another tenant is {@link NotFoundException},
 * exactly as a row that does not exist.
 *
 * @param <S> the tenant's id type
 * @param <I> the row's id type
 * @param <N> what creates a row ({@code NewX})
 * @param <R> the row
 */
public interface AppendRepository<S extends Id, I extends Id, N, R> {
    /**
     * Creates a row; the store assigns the id, the times and version 0.
     *
     * @throws ConflictException when a unique key is taken
     * @throws InvalidInputException naming the field, when a row it references does not exist in
     *         the tenant
     */
    R create(N row);

    /** The row, or a {@link NotFoundException}. */
    @ReadOnly
    R get(S scope, I id);

    /** The row, if it exists in the tenant. */
    @ReadOnly
    Optional<R> find(S scope, I id);

    /** The tenant's rows in id (creation) order, keyset-paged. */
    @ReadOnly
    Page<R> list(S scope, PageRequest page);
}
