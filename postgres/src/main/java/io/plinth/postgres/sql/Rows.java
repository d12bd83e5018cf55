package io.plinth.postgres.sql;

import io.plinth.core.ConflictException;
import io.plinth.core.NotFoundException;
import io.plinth.core.Page;
import io.plinth.core.PageRequest;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * The patterns the hand-written repositories (ledger, pulse profiles) repeat: get-or-not-found,
 * the optimistic update ({@code UPDATE … WHERE id = :id AND version = :version RETURNING *}) and its
 * diagnosis, and keyset paging by id. Declared models get theirs from {@code PgCrudRepository}.
 */
public final class Rows {
    /** Keyset paging starts after this key: the nil UUID sorts before every generated id. */
    private static final UUID BEFORE_ALL = new UUID(0, 0);

    private Rows() {
    }

    /** The row, or a {@link NotFoundException} for {@code entity} {@code id}. */
    public static <T> T found(Optional<T> row, String entity, Object id) {
        return row.orElseThrow(() -> new NotFoundException(entity, id));
    }

    /**
     * The row an optimistic update returned. When it returned none, {@code exists} tells why: the
     * row exists (in scope) but its version moved on — a {@link ConflictException} — or it does not.
     */
    public static <T> T updated(Optional<T> row, String entity, Object id, BooleanSupplier exists) {
        if (row.isPresent()) {
            return row.get();
        }
        throw exists.getAsBoolean() ? ConflictException.staleVersion(entity, id) : new NotFoundException(entity, id);
    }



    /**
     * One page of a listing ordered by a UUID key. {@code fetch} receives the key to start after
     * and how many rows to fetch (one more than the page holds, to learn whether another follows).
     */
    public static <T> Page<T> page(PageRequest request, BiFunction<UUID, Integer, List<T>> fetch,
                                   Function<T, UUID> key) {
        UUID after = request.afterKey() == null ? BEFORE_ALL : request.afterKey();
        return Page.of(fetch.apply(after, request.limit() + 1), request.limit(), key);
    }
}
