package io.plinth.memory;

import io.plinth.core.Check;
import java.util.Arrays;
import java.util.List;

/**
 * The kind of a media item. The database keeps the seed's spelling ({@link #spelling()}).
 */
public enum MediaType {
    IMAGE("image"),
    AUDIO("audio"),
    DOCUMENT("document");

    /** Every spelling, in order. */
    public static final List<String> SPELLINGS = Arrays.stream(values()).map(MediaType::spelling).toList();

    private final String spelling;

    MediaType(String spelling) {
        this.spelling = spelling;
    }

    /** The value as seed 004 spells it (and the column holds it). */
    public String spelling() {
        return spelling;
    }

    /** The constant of a spelling; another text is an {@link io.plinth.core.InvalidInputException} on {@code field}. */
    public static MediaType of(String field, String spelling) {
        Check.required(field, spelling);
        Check.oneOf(field, spelling, SPELLINGS);
        return values()[SPELLINGS.indexOf(spelling)];
    }
}
