package io.plinth.memory;

import io.plinth.core.Check;
import java.util.Arrays;
import java.util.List;

/**
 * Where a conversation is: it only moves forward, active → ended → processing → processed. The
 * database keeps the seed's spelling ({@link #spelling()}).
 */
public enum ConversationStatus {
    ACTIVE("active"),
    ENDED("ended"),
    PROCESSING("processing"),
    PROCESSED("processed");

    /** Every spelling, in order. */
    public static final List<String> SPELLINGS = Arrays.stream(values()).map(ConversationStatus::spelling).toList();

    private final String spelling;

    ConversationStatus(String spelling) {
        this.spelling = spelling;
    }

    /** The value as seed 004 spells it (and the column holds it). */
    public String spelling() {
        return spelling;
    }

    /** The constant of a spelling; another text is an {@link io.plinth.core.InvalidInputException} on {@code field}. */
    public static ConversationStatus of(String field, String spelling) {
        Check.required(field, spelling);
        Check.oneOf(field, spelling, SPELLINGS);
        return values()[SPELLINGS.indexOf(spelling)];
    }
}
