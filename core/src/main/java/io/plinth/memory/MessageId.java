package io.plinth.memory;

import io.plinth.core.Check;
import io.plinth.core.Id;
import io.plinth.core.Ids;
import java.util.UUID;

/** Identifies a {@link ConversationMessage}. Made with {@link #generate()} (time-ordered) or {@link #parse(String)}. */
public record MessageId(UUID value) implements Id {
    public MessageId {
        Check.required("messageId", value);
    }

    /** A new, time-ordered id. */
    public static MessageId generate() {
        return new MessageId(Ids.next());
    }

    /** Parses the canonical text form; a malformed text gives an {@link io.plinth.core.InvalidInputException}. */
    public static MessageId parse(String text) {
        return new MessageId(Ids.parse("messageId", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
