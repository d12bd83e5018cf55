package io.plinth.memory;

import io.plinth.core.Check;
import io.plinth.core.Id;
import io.plinth.core.Ids;
import java.util.UUID;

/** Identifies a {@link InteractionLog}. Made with {@link #generate()} (time-ordered) or {@link #parse(String)}. */
public record InteractionLogId(UUID value) implements Id {
    public InteractionLogId {
        Check.required("interactionLogId", value);
    }

    /** A new, time-ordered id. */
    public static InteractionLogId generate() {
        return new InteractionLogId(Ids.next());
    }

    /** Parses the canonical text form; a malformed text gives an {@link io.plinth.core.InvalidInputException}. */
    public static InteractionLogId parse(String text) {
        return new InteractionLogId(Ids.parse("interactionLogId", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
