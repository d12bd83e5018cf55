package io.plinth.memory;

import io.plinth.core.Check;
import io.plinth.core.Id;
import io.plinth.core.Ids;
import java.util.UUID;

/** Identifies a {@link Conversation}. Made with {@link #generate()} (time-ordered) or {@link #parse(String)}. */
public record ConversationId(UUID value) implements Id {
    public ConversationId {
        Check.required("conversationId", value);
    }

    /** A new, time-ordered id. */
    public static ConversationId generate() {
        return new ConversationId(Ids.next());
    }

    /** Parses the canonical text form; a malformed text gives an {@link io.plinth.core.InvalidInputException}. */
    public static ConversationId parse(String text) {
        return new ConversationId(Ids.parse("conversationId", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
