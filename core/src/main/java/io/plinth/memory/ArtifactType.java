package io.plinth.memory;

import io.plinth.core.Check;
import java.util.Arrays;
import java.util.List;

/**
 * The kind of a derived artifact. The database keeps the seed's spelling ({@link #spelling()}).
 */
public enum ArtifactType {
    INSIGHT_SUMMARY("insight_summary"),
    CYCLE_REPORT("cycle_report"),
    TROPHY("trophy");

    /** Every spelling, in order. */
    public static final List<String> SPELLINGS = Arrays.stream(values()).map(ArtifactType::spelling).toList();

    private final String spelling;

    ArtifactType(String spelling) {
        this.spelling = spelling;
    }

    /** The value as seed 004 spells it (and the column holds it). */
    public String spelling() {
        return spelling;
    }

    /** The constant of a spelling; another text is an {@link io.plinth.core.InvalidInputException} on {@code field}. */
    public static ArtifactType of(String field, String spelling) {
        Check.required(field, spelling);
        Check.oneOf(field, spelling, SPELLINGS);
        return values()[SPELLINGS.indexOf(spelling)];
    }
}
