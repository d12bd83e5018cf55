package io.plinth.ledger;

import io.plinth.core.Check;
import io.plinth.core.Id;
import io.plinth.core.Ids;
import java.util.UUID;

/** Identifies a {@link Transfer}. Made with {@link #generate()} (time-ordered) or {@link #parse(String)}. */
public record TransferId(UUID value) implements Id {
    public TransferId {
        Check.required("transferId", value);
    }

    /** A new, time-ordered id. */
    public static TransferId generate() {
        return new TransferId(Ids.next());
    }

    /** Parses the canonical text form; a malformed text gives an {@link io.plinth.core.InvalidInputException}. */
    public static TransferId parse(String text) {
        return new TransferId(Ids.parse("transferId", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
