package io.plinth.memory;

import io.plinth.core.Check;
import io.plinth.core.Id;
import io.plinth.core.Ids;
import java.util.UUID;

/** Identifies a {@link ProactivePrompt}. Made with {@link #generate()} (time-ordered) or {@link #parse(String)}. */
public record ProactivePromptId(UUID value) implements Id {
    public ProactivePromptId {
        Check.required("proactivePromptId", value);
    }

    /** A new, time-ordered id. */
    public static ProactivePromptId generate() {
        return new ProactivePromptId(Ids.next());
    }

    /** Parses the canonical text form; a malformed text gives an {@link io.plinth.core.InvalidInputException}. */
    public static ProactivePromptId parse(String text) {
        return new ProactivePromptId(Ids.parse("proactivePromptId", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
