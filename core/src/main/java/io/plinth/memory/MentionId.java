package io.plinth.memory;

import io.plinth.core.Check;
import io.plinth.core.Id;
import io.plinth.core.Ids;
import java.util.UUID;

/** Identifies a {@link Mention}. Made with {@link #generate()} (time-ordered) or {@link #parse(String)}. */
public record MentionId(UUID value) implements Id {
    public MentionId {
        Check.required("mentionId", value);
    }

    /** A new, time-ordered id. */
    public static MentionId generate() {
        return new MentionId(Ids.next());
    }

    /** Parses the canonical text form; a malformed text gives an {@link io.plinth.core.InvalidInputException}. */
    public static MentionId parse(String text) {
        return new MentionId(Ids.parse("mentionId", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
