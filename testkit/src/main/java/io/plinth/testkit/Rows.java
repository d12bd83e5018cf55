package io.plinth.testkit;

import io.plinth.core.ConflictException;
import io.plinth.core.Ids;
import io.plinth.core.NotFoundException;
import io.plinth.core.Page;
import io.plinth.core.PageRequest;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * What the in-memory repositories share: the optimistic-version check and keyset paging. Internal to
 * the test kit, left out of the Javadoc.
 */
public final class Rows {
    private Rows() {
    }

    /**
     * Returns the stored row if it exists and carries the expected version; otherwise a
     * {@link NotFoundException}, or a {@link ConflictException} for a stale version.
     */
    public static <T> T current(T stored, long storedVersion, long expectedVersion, String entity, Object id) {
        if (stored == null) {
            throw new NotFoundException(entity, id);
        }
        if (storedVersion != expectedVersion) {
            throw ConflictException.staleVersion(entity, id);
        }
        return stored;
    }

    /** One page of rows given in key order. */
    public static <T> Page<T> page(Stream<T> rowsInKeyOrder, PageRequest request, Function<T, UUID> key) {
        UUID after = request.afterKey();
        return Page.of(rowsInKeyOrder
                        .filter(row -> after == null || Ids.ORDER.compare(key.apply(row), after) > 0)
                        .limit(request.limit() + 1L)
                        .toList(),
                request.limit(), key);
    }
}
