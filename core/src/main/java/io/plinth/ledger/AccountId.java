package io.plinth.ledger;

import io.plinth.core.Check;
import io.plinth.core.Id;
import io.plinth.core.Ids;
import java.util.UUID;

/** Identifies an {@link Account}. Made with {@link #generate()} (time-ordered) or {@link #parse(String)}. */
public record AccountId(UUID value) implements Id {
    public AccountId {
        Check.required("accountId", value);
    }

    /** A new, time-ordered id. */
    public static AccountId generate() {
        return new AccountId(Ids.next());
    }

    /** Parses the canonical text form; a malformed text gives an {@link io.plinth.core.InvalidInputException}. */
    public static AccountId parse(String text) {
        return new AccountId(Ids.parse("accountId", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
