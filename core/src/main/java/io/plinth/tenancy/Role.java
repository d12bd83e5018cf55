package io.plinth.tenancy;

import io.plinth.core.Check;
import java.util.Arrays;
import java.util.List;

/** A member's role within a workspace (seed 000); stored as spelled here, in upper case ({@link #spelling()}). */
public enum Role {
    ADMIN, MANAGER, OPERATOR, AUDITOR;

    /** Every spelling, in order. */
    public static final List<String> SPELLINGS = Arrays.stream(values()).map(Role::spelling).toList();

    /** The value as the column holds it ({@code ADMIN}). */
    public String spelling() {
        return name();
    }

    /** The constant of a spelling; another text is an {@link io.plinth.core.InvalidInputException} on {@code field}. */
    public static Role of(String field, String spelling) {
        Check.required(field, spelling);
        Check.oneOf(field, spelling, SPELLINGS);
        return values()[SPELLINGS.indexOf(spelling)];
    }
}
