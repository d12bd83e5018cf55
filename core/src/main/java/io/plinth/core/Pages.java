package io.plinth.core;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Walks a keyset-paged listing to its end, lazily: the first page is fetched when the stream is first
 * consumed, and each further page only when the items before it are used up, so a stream cut short
 * ({@code limit}, {@code findFirst}, {@code anyMatch}) fetches no more pages than it needs.
 *
 * <pre>{@code
 * Pages.stream(request -> store.projects().list(workspaceId, request), PageRequest.first(100))
 *      .forEach(this::handle);
 * }</pre>
 *
 * <p>The listing is any call that takes a {@link PageRequest} and returns a {@link Page}; each page
 * after the first asks for the page after the previous one's {@link Page#nextCursor() cursor}, with
 * the first request's limit. Through a store's own repositories every page is a read of its own:
 * rows written while the stream runs are seen if they sort after the current position, and no row
 * is seen twice or skipped. Through a {@link Transaction} the stream must be consumed inside the unit
 * of work, like every call on it.
 *
 * <p>This is the one way to read a listing to its end; to hand one page at a time to a client, give
 * it {@link Page#nextCursor()} and continue with {@code new PageRequest(cursor, limit)}.
 */
public final class Pages {
    private Pages() {
    }

    /**
     * Every item of the listing, in its order, fetching pages as they are needed.
     *
     * @param listing the call that returns one page for a request
     * @param first   the first page's request: usually {@link PageRequest#first(int)}; its limit is
     *                every page's
     */
    public static <T> Stream<T> stream(Function<PageRequest, Page<T>> listing, PageRequest first) {
        return pages(listing, first).flatMap(page -> page.items().stream());
    }

    /**
     * Every page of the listing, in order, each fetched when the stream reaches it; the last one is
     * the first without a {@link Page#nextCursor() next cursor}. An empty listing is one empty page.
     *
     * @param listing the call that returns one page for a request
     * @param first   the first page's request; its limit is every page's
     */
    public static <T> Stream<Page<T>> pages(Function<PageRequest, Page<T>> listing, PageRequest first) {
        Check.required("listing", listing);
        Check.required("first", first);
        Iterator<Page<T>> walk = new Iterator<>() {
            private PageRequest next = first;

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public Page<T> next() {
                if (next == null) {
                    throw new NoSuchElementException("the listing has no more pages");
                }
                Page<T> page = Check.required("page", listing.apply(next));
                next = page.hasNext() ? new PageRequest(page.nextCursor(), first.limit()) : null;
                return page;
            }
        };
        return StreamSupport.stream(
                () -> Spliterators.spliteratorUnknownSize(walk, Spliterator.ORDERED | Spliterator.NONNULL),
                Spliterator.ORDERED | Spliterator.NONNULL, false);
    }
}
