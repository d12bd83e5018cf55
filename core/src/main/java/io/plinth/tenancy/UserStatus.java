package io.plinth.tenancy;

import io.plinth.core.Check;
import java.util.Arrays;
import java.util.List;

/** A user account's status; stored in lower case ({@link #spelling()}; column {@code account_status}, default {@code active}). */
public enum UserStatus {
    ACTIVE, SUSPENDED, DEACTIVATED;

    /** Every spelling, in order. */
    public static final List<String> SPELLINGS = Arrays.stream(values()).map(UserStatus::spelling).toList();

    /** The value as the column holds it ({@code active}). */
    public String spelling() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The constant of a spelling; another text is an {@link io.plinth.core.InvalidInputException} on {@code field}. */
    public static UserStatus of(String field, String spelling) {
        Check.required(field, spelling);
        Check.oneOf(field, spelling, SPELLINGS);
        return values()[SPELLINGS.indexOf(spelling)];
    }
}
