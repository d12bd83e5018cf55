package io.plinth.tenancy;

import io.plinth.core.Check;
import java.util.Arrays;
import java.util.List;

/** A workspace's subscription plan (seed 000); stored with the seed's spelling ({@link #spelling()}, e.g. {@code Apprentice}). */
public enum PlanTier {
    APPRENTICE("Apprentice"),
    ARTISAN("Artisan"),
    PRIESTHOOD("Priesthood");

    /** Every spelling, in order. */
    public static final List<String> SPELLINGS = Arrays.stream(values()).map(PlanTier::spelling).toList();

    private final String spelling;

    PlanTier(String spelling) {
        this.spelling = spelling;
    }

    /** The value as seed 000 spells it (and the column holds it). */
    public String spelling() {
        return spelling;
    }

    /** The constant of a spelling; another text is an {@link io.plinth.core.InvalidInputException} on {@code field}. */
    public static PlanTier of(String field, String spelling) {
        Check.required(field, spelling);
        Check.oneOf(field, spelling, SPELLINGS);
        return values()[SPELLINGS.indexOf(spelling)];
    }
}
