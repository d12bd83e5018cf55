package io.plinth.core;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * One page of a keyset-paged listing: its items, and the cursor of the page after it.
 * <ul>
 *   <li>To read a listing to its end, use {@link Pages#stream} (every item) or {@link Pages#pages}
 *       (every page): they fetch page after page, lazily.</li>
 *   <li>To hand one page at a time to a client (an HTTP API), give it {@link #nextCursor()} (null on the
 *       last page) and continue with {@code new PageRequest(cursor, limit)} when it comes back.</li>
 * </ul>
 *
 * @param items      the page's items, in the listing's order
 * @param nextCursor the opaque cursor of the next page, or null on the last page
 *
 * @param <T> the item type
 */
public record Page<T>(List<T> items, String nextCursor) {
    public Page {
        items = List.copyOf(Check.required("items", items));
    }

    /**
     * Builds a page from up to {@code limit + 1} rows fetched in key order: the extra row, when
     * present, only tells that another page follows.
     */
    public static <T> Page<T> of(List<T> fetched, int limit, Function<T, UUID> key) {
        if (fetched.size() <= limit) {
            return new Page<>(fetched, null);
        }
        List<T> items = fetched.subList(0, limit);
        return new Page<>(items, PageRequest.cursorOf(key.apply(items.get(limit - 1))));
    }

    /** Like {@link #of(List, int, Function)}, for listings keyed by a sequence number. */
    public static <T> Page<T> ofSequence(List<T> fetched, int limit, java.util.function.ToLongFunction<T> sequence) {
        if (fetched.size() <= limit) {
            return new Page<>(fetched, null);
        }
        List<T> items = fetched.subList(0, limit);
        return new Page<>(items, PageRequest.cursorOf(sequence.applyAsLong(items.get(limit - 1))));
    }

    /**
     * Like {@link #of(List, int, Function)}, for listings ordered by an instant and then by id
     * ({@link PageRequest#afterTimeKey()}).
     */
    public static <T> Page<T> ofTimeKey(List<T> fetched, int limit, Function<T, java.time.Instant> at,
                                        Function<T, UUID> key) {
        if (fetched.size() <= limit) {
            return new Page<>(fetched, null);
        }
        List<T> items = fetched.subList(0, limit);
        T last = items.get(limit - 1);
        return new Page<>(items, PageRequest.cursorOf(at.apply(last), key.apply(last)));
    }

    /** Whether another page follows this one. */
    public boolean hasNext() {
        return nextCursor != null;
    }
}
