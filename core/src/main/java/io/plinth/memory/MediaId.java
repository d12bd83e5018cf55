package io.plinth.memory;

import io.plinth.core.Check;
import io.plinth.core.Id;
import io.plinth.core.Ids;
import java.util.UUID;

/** Identifies a {@link Media}. Made with {@link #generate()} (time-ordered) or {@link #parse(String)}. */
public record MediaId(UUID value) implements Id {
    public MediaId {
        Check.required("mediaId", value);
    }

    /** A new, time-ordered id. */
    public static MediaId generate() {
        return new MediaId(Ids.next());
    }

    /** Parses the canonical text form; a malformed text gives an {@link io.plinth.core.InvalidInputException}. */
    public static MediaId parse(String text) {
        return new MediaId(Ids.parse("mediaId", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
