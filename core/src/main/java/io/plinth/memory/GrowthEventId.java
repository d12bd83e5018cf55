package io.plinth.memory;

import io.plinth.core.Check;
import io.plinth.core.Id;
import io.plinth.core.Ids;
import java.util.UUID;

/** Identifies a {@link GrowthEvent}. Made with {@link #generate()} (time-ordered) or {@link #parse(String)}. */
public record GrowthEventId(UUID value) implements Id {
    public GrowthEventId {
        Check.required("growthEventId", value);
    }

    /** A new, time-ordered id. */
    public static GrowthEventId generate() {
        return new GrowthEventId(Ids.next());
    }

    /** Parses the canonical text form; a malformed text gives an {@link io.plinth.core.InvalidInputException}. */
    public static GrowthEventId parse(String text) {
        return new GrowthEventId(Ids.parse("growthEventId", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
