package io.plinth.core;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.UUID;

/**
 * Asks for one page of a keyset-paged listing: at most {@code limit} items after the position
 * {@code after} (an opaque cursor from a previous {@link Page}, or null for the first page).
 * Listings are ordered by the row's id, which is time-ordered, so pages stay fast at any depth.
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

    /** Decodes a cursor of {@code length} bytes (8 or 16; -1 accepts either). */
    private static ByteBuffer decode(String cursor, int length) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException e) {
            bytes = new byte[0];
        }
        boolean fits = length < 0 ? bytes.length == 8 || bytes.length == 16 : bytes.length == length;
        if (!fits) {
            throw new InvalidInputException("after", "must be a cursor returned by a previous page of this listing");
        }
        return ByteBuffer.wrap(bytes);
    }
}
