package io.plinth.memory;

import io.plinth.core.Check;
import java.util.Arrays;
import java.util.List;

/**
 * The life of a concept: merged concepts point at the concept they were merged into. The database
 * keeps the seed's spelling ({@link #spelling()}).
 */
public enum ConceptStatus {
    ACTIVE("active"),
    MERGED("merged"),
    ARCHIVED("archived");

    /** Every spelling, in order. */
    public static final List<String> SPELLINGS = Arrays.stream(values()).map(ConceptStatus::spelling).toList();

    private final String spelling;

    ConceptStatus(String spelling) {
        this.spelling = spelling;
    }

    /** The value as seed 004 spells it (and the column holds it). */
    public String spelling() {
        return spelling;
    }

    /** The constant of a spelling; another text is an {@link io.plinth.core.InvalidInputException} on {@code field}. */
    public static ConceptStatus of(String field, String spelling) {
        Check.required(field, spelling);
        Check.oneOf(field, spelling, SPELLINGS);
        return values()[SPELLINGS.indexOf(spelling)];
    }
}
