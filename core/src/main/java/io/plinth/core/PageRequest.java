package io.plinth.core;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

/**
 * Asks for one page of a keyset-paged listing: at most {@code limit} items after the position
 * {@code after} (an opaque cursor from a previous {@link Page}, or null for the first page).
 * Listings are ordered by the row's id, which is time-ordered, so pages stay fast at any depth; a
 * listing ordered by a time and then the id (a conversation's messages) keys its pages by both
 * ({@link #afterTimeKey()}).
 *
 * <p>The first page is {@link #first(int)}; a later one is {@code new PageRequest(page.nextCursor(), limit)}
 * (a cursor a client sent back); a whole listing is read with {@link Pages}.
 *
 * @param after the cursor of the previous page ({@link Page#nextCursor()}), or null for the first page
 * @param limit the most items the page may hold, 1 to {@link #MAX_LIMIT}
 */
public record PageRequest(String after, int limit) {
    /**
     * A position in a listing ordered by a time, then by the id: the last row of a page. Both parts
     * are needed, because ids are made by the application's clock and times by the store's, and
     * the two may disagree.
     */
    public record TimeKey(Instant time, UUID key) {
        public TimeKey {
            Check.required("time", time);
            Check.required("key", key);
        }
    }

    /** Used when no limit is given. */
    public static final int DEFAULT_LIMIT = 50;
    /** The largest page a backend will return. */
    public static final int MAX_LIMIT = 1000;

    public PageRequest {
        Check.range("limit", limit, 1, MAX_LIMIT);
        if (after != null) {
            decode(after, -1);
        }
    }

    /** The first page with the default limit. */
    public static PageRequest first() {
        return new PageRequest(null, DEFAULT_LIMIT);
    }

    /** The first page with the given limit. */
    public static PageRequest first(int limit) {
        return new PageRequest(null, limit);
    }

    /** The key after which this page starts, or null for the first page. */
    public UUID afterKey() {
        if (after == null) {
            return null;
        }
        ByteBuffer bytes = decode(after, 16);
        return new UUID(bytes.getLong(), bytes.getLong());
    }

    /** The sequence number after which this page starts, or 0 for the first page. */
    public long afterSequence() {
        return after == null ? 0 : decode(after, 8).getLong();
    }

    /**
     * The (time, id) position after which this page starts, or null for the first page; only for a
     * cursor made by {@link #cursorOf(Instant, UUID)}. Another cursor is an
     * {@link InvalidInputException} on {@code after}.
     */
    public TimeKey afterTimeKey() {
        if (after == null) {
            return null;
        }
        ByteBuffer bytes = decode(after, 24);
        Instant time = Instant.EPOCH.plus(bytes.getLong(), ChronoUnit.MICROS);
        if (time.isBefore(Check.MIN_INSTANT) || time.isAfter(Check.MAX_INSTANT)) {
            throw new InvalidInputException("after", "must be a cursor returned by a previous page of this listing");
        }
        return new TimeKey(time, new UUID(bytes.getLong(), bytes.getLong()));
    }

    /**
     * Encodes a (time, id) position as a cursor; the time is kept to the microsecond. Every instant
     * of Plinth's range ({@link Check#MIN_INSTANT} to {@link Check#MAX_INSTANT}) has one, so a
     * listing's last row always gives its page a cursor.
     *
     * @throws InvalidInputException on {@code time} when the time lies outside Plinth's range
     */
    public static String cursorOf(Instant time, UUID key) {
        Check.required("key", key);
        Instant at = Check.instant("time", Check.required("time", time));
        ByteBuffer bytes = ByteBuffer.allocate(24);
        // seconds and micros apart: ChronoUnit.MICROS.between counts in nanoseconds first, which
        // overflows a long about 292 years from the epoch (before 1678, after 2262)
        bytes.putLong(at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000);
        bytes.putLong(key.getMostSignificantBits()).putLong(key.getLeastSignificantBits());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    /** Encodes a sequence number as a cursor. */
    public static String cursorOf(long sequence) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(ByteBuffer.allocate(8).putLong(sequence).array());
    }

    /** Encodes a key as a cursor. */
    public static String cursorOf(UUID key) {
        ByteBuffer bytes = ByteBuffer.allocate(16);
        bytes.putLong(key.getMostSignificantBits()).putLong(key.getLeastSignificantBits());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    /** Decodes a cursor of {@code length} bytes (8, 16 or 24; -1 accepts any of them). */
    private static ByteBuffer decode(String cursor, int length) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException e) {
            bytes = new byte[0];
        }
        boolean fits = length < 0 ? bytes.length == 8 || bytes.length == 16 || bytes.length == 24
                : bytes.length == length;
        if (!fits) {
            throw new InvalidInputException("after", "must be a cursor returned by a previous page of this listing");
        }
        return ByteBuffer.wrap(bytes);
    }
}
