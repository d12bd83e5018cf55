package io.plinth.core;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Asks for one page of a keyset-paged listing: at most {@code limit} items after the position
 * {@code after} (an opaque cursor from a previous {@link Page}, or null for the first page).
 * Listings are ordered by the row's id, which is time-ordered, so pages stay fast at any depth;
 * listings ordered by a time and then the id (a log by its timestamp) carry both in the cursor
 * ({@link #afterTimeKey()}). A cursor of one kind handed to a listing of another is refused.
 */
public record PageRequest(String after, int limit) {
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

    /** The page following {@code page}, with the same limit as this request. */
    public PageRequest next(Page<?> page) {
        return new PageRequest(page.nextCursor(), limit);
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
     * A position in a listing ordered by an instant and then by id, as a {@link TimeKey}: the page
     * starts after it. Null for the first page.
     *
     * @throws InvalidInputException on {@code after} when the cursor is not such a position
     */
    public TimeKey afterTimeKey() {
        if (after == null) {
            return null;
        }
        ByteBuffer bytes = decode(after, 24);
        long micros = bytes.getLong();
        UUID id = new UUID(bytes.getLong(), bytes.getLong());
        if (micros < MIN_MICROS || micros > MAX_MICROS) {
            throw new InvalidInputException("after", "must be a cursor returned by a previous page of this listing");
        }
        return new TimeKey(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                Math.floorMod(micros, 1_000_000L) * 1_000L), id);
    }

    /**
     * A position in a listing ordered by {@code at} and then by {@code id} (both ascending).
     *
     * @param at an instant in Plinth's range, whole microseconds
     * @param id the row's id, which breaks ties between equal instants
     */
    public record TimeKey(Instant at, UUID id) {
        public TimeKey {
            Check.required("at", at);
            Check.required("id", id);
        }
    }

    /** Encodes a position of a listing ordered by (instant, id) as a cursor (microseconds kept). */
    public static String cursorOf(Instant at, UUID key) {
        long micros = Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000L);
        ByteBuffer bytes = ByteBuffer.allocate(24);
        bytes.putLong(micros).putLong(key.getMostSignificantBits()).putLong(key.getLeastSignificantBits());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    private static final long MIN_MICROS = Check.MIN_INSTANT.getEpochSecond() * 1_000_000L;
    private static final long MAX_MICROS = Check.MAX_INSTANT.getEpochSecond() * 1_000_000L
            + Check.MAX_INSTANT.getNano() / 1_000L;

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
