package io.plinth.core;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Validation used by the compact constructors of Plinth's records. Every failure is an
 * {@link InvalidInputException} naming the field and the rule.
 */
public final class Check {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$");

    private Check() {
    }

    /** The value must be present. */
    public static <T> T required(String field, T value) {
        if (value == null) {
            throw new InvalidInputException(field, "is required");
        }
        return value;
    }

    /** Required text: present, not blank, at most {@code max} characters, {@link #storable storable}. */
    public static String text(String field, String value, int max) {
        required(field, value);
        if (value.isBlank()) {
            throw new InvalidInputException(field, "must not be blank");
        }
        return optionalText(field, value, max);
    }

    /** Optional text: null, or else not blank, at most {@code max} characters and {@link #storable storable}. */
    public static String optionalText(String field, String value, int max) {
        if (value == null) {
            return null;
        }
        if (value.isBlank()) {
            throw new InvalidInputException(field, "must not be blank when given");
        }
        if (value.length() > max) {
            throw new InvalidInputException(field, "must be at most " + max + " characters");
        }
        return storable(field, value);
    }

    /**
     * Text that PostgreSQL stores exactly as given: no NUL character (PostgreSQL refuses it) and no
     * unpaired UTF-16 surrogate (PostgreSQL would store it as {@code ?}, so two different texts
     * would compare equal). Every text Plinth accepts, in a record or as a look-up argument, passes
     * this rule; null passes too.
     */
    public static String storable(String field, String value) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\0') {
                throw new InvalidInputException(field, "must not contain NUL characters");
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new InvalidInputException(field, "must not contain unpaired UTF-16 surrogates");
            }
        }
        return value;
    }

    /** The earliest instant Plinth stores: 0001-01-01T00:00:00Z. */
    public static final java.time.Instant MIN_INSTANT = java.time.Instant.parse("0001-01-01T00:00:00Z");
    /** The latest instant Plinth stores: 9999-12-31T23:59:59.999999Z. */
    public static final java.time.Instant MAX_INSTANT = java.time.Instant.parse("9999-12-31T23:59:59.999999Z");

    /**
     * An optional instant within [{@link #MIN_INSTANT}, {@link #MAX_INSTANT}], truncated (never
     * rounded) to microseconds, PostgreSQL's precision: a value written equals the value read back
     * on every store. Null stays null.
     */
    public static java.time.Instant instant(String field, java.time.Instant value) {
        if (value == null) {
            return null;
        }
        java.time.Instant truncated = value.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        if (truncated.isBefore(MIN_INSTANT) || truncated.isAfter(MAX_INSTANT)) {
            throw new InvalidInputException(field, "must be between " + MIN_INSTANT + " and 9999-12-31T23:59:59.999999Z");
        }
        return truncated;
    }

    /**
     * A time range {@code [from, to)}: {@code from} must not be after {@code to} (an empty range,
     * {@code from} equal to {@code to}, is allowed).
     *
     * @throws InvalidInputException on {@code fromField} when {@code from} is after {@code to}
     */
    public static void notAfter(String fromField, java.time.Instant from, String toField, java.time.Instant to) {
        if (from.isAfter(to)) {
            throw new InvalidInputException(fromField, "must not be after " + toField);
        }
    }

    /** A required email address of at most 254 characters. */
    public static String email(String field, String value) {
        text(field, value, 254);
        if (!EMAIL.matcher(value).matches()) {
            throw new InvalidInputException(field, "must be a valid email address");
        }
        return value;
    }

    /** A required text matching {@code pattern}; {@code described} says in words what the pattern means. */
    public static String matches(String field, String value, int max, Pattern pattern, String described) {
        text(field, value, max);
        if (!pattern.matcher(value).matches()) {
            throw new InvalidInputException(field, described);
        }
        return value;
    }

    /** A number within [min, max]. */
    public static long range(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw new InvalidInputException(field, "must be between " + min + " and " + max);
        }
        return value;
    }

    /** A finite number within [min, max]; NaN and infinities are rejected. */
    public static double range(String field, double value, double min, double max) {
        if (Double.isNaN(value) || value < min || value > max) {
            throw new InvalidInputException(field, "must be a number between " + min + " and " + max);
        }
        return value;
    }

    /** An optional finite number: null, or else neither NaN nor infinite. */
    public static Double finite(String field, Double value) {
        if (value != null && (value.isNaN() || value.isInfinite())) {
            throw new InvalidInputException(field, "must be a finite number");
        }
        return value;
    }

    /** Optional text of a fixed set of spellings (the seed's value set for a column). */
    public static String oneOf(String field, String value, java.util.List<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            throw new InvalidInputException(field, "must be one of " + String.join(", ", allowed));
        }
        return value;
    }

    /** A required instant strictly after {@code now} (checked by stores, which know the time). */
    public static java.time.Instant future(String field, java.time.Instant value, java.time.Instant now) {
        required(field, value);
        if (!value.isAfter(now)) {
            throw new InvalidInputException(field, "must be in the future");
        }
        return value;
    }

    /** A version number of an optimistic lock: never negative. */
    public static long version(long value) {
        return range("version", value, 0, Long.MAX_VALUE);
    }

    /**
     * Parses an enum constant case-insensitively; an unknown value names the allowed ones.
     */
    public static <E extends Enum<E>> E enumValue(String field, Class<E> type, String value) {
        required(field, value);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value)) {
                return constant;
            }
        }
        StringBuilder allowed = new StringBuilder();
        for (E constant : type.getEnumConstants()) {
            allowed.append(allowed.length() == 0 ? "" : ", ").append(constant.name().toLowerCase(Locale.ROOT));
        }
        throw new InvalidInputException(field, "must be one of " + allowed);
    }
}
