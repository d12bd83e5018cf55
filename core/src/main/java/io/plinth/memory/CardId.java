package io.plinth.memory;

import io.plinth.core.Check;
import io.plinth.core.Id;
import io.plinth.core.Ids;
import java.util.UUID;

/** Identifies a {@link Card}. Made with {@link #generate()} (time-ordered) or {@link #parse(String)}. */
public record CardId(UUID value) implements Id {
    public CardId {
        Check.required("cardId", value);
    }

    /** A new, time-ordered id. */
    public static CardId generate() {
        return new CardId(Ids.next());
    }

    /** Parses the canonical text form; a malformed text gives an {@link io.plinth.core.InvalidInputException}. */
    public static CardId parse(String text) {
        return new CardId(Ids.parse("cardId", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
