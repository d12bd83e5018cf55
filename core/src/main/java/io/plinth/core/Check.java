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

    /** Required text: present, not blank, at most {@code max} characters, no NUL characters. */
    public static String text(String field, String value, int max) {
        required(field, value);
        if (value.isBlank()) {
            throw new InvalidInputException(field, "must not be blank");
        }
        return optionalText(field, value, max);
    }

    /** Optional text: null, or else not blank, at most {@code max} characters and free of NUL characters. */
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
        if (value.indexOf('\0') >= 0) {
            throw new InvalidInputException(field, "must not contain NUL characters");
        }
        return value;
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
