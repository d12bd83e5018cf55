package io.plinth.core;

import java.util.Comparator;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes and parses the UUIDs behind typed ids. New ids are UUIDv7 (RFC 9562): the first 48 bits
 * are the Unix time in milliseconds, so ids made later sort later and indexes stay compact.
 * Thread-safe.
 */
public final class Ids {
    /** The order PostgreSQL gives {@code uuid} values: unsigned, byte by byte. */
    public static final Comparator<UUID> ORDER = (a, b) -> {
        int c = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return c != 0 ? c : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    };

    private Ids() {
    }

    /** The last (milliseconds << 12 | sequence) handed out, so ids of one JVM never go backwards. */
    private static final AtomicLong LAST = new AtomicLong();

    /**
     * A new time-ordered UUID (version 7). Within one JVM, each id sorts after the previous one,
     * even within the same millisecond (the 12 bits after the time count up, RFC 9562 method 1).
     */
    public static UUID next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long candidate = (System.currentTimeMillis() << 12) | (random.nextLong() & 0x07FFL);
        long stamp = LAST.updateAndGet(last -> Math.max(last + 1, candidate));
        long msb = ((stamp >>> 12) << 16) | 0x7000L | (stamp & 0x0FFFL);
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    /**
     * Parses the canonical 36-character form of a UUID.
     *
     * @throws InvalidInputException naming {@code field} when the text is missing or malformed
     */
    public static UUID parse(String field, String text) {
        Check.required(field, text);
        if (text.length() != 36 || text.charAt(8) != '-' || text.charAt(13) != '-'
                || text.charAt(18) != '-' || text.charAt(23) != '-') {
            throw new InvalidInputException(field, "must be a UUID like 0190a5c2-7b1e-7cc3-9a4e-3f2b1c0d9e8f");
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "must be a UUID like 0190a5c2-7b1e-7cc3-9a4e-3f2b1c0d9e8f");
        }
    }
}
