package io.plinth.memory;

import io.plinth.core.Check;
import io.plinth.core.Id;
import io.plinth.core.Ids;
import java.util.UUID;

/** Identifies a {@link UserGraphProjection}. Made with {@link #generate()} (time-ordered) or {@link #parse(String)}. */
public record GraphProjectionId(UUID value) implements Id {
    public GraphProjectionId {
        Check.required("graphProjectionId", value);
    }

    /** A new, time-ordered id. */
    public static GraphProjectionId generate() {
        return new GraphProjectionId(Ids.next());
    }

    /** Parses the canonical text form; a malformed text gives an {@link io.plinth.core.InvalidInputException}. */
    public static GraphProjectionId parse(String text) {
        return new GraphProjectionId(Ids.parse("graphProjectionId", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
