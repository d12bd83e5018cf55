package io.plinth.memory;

import io.plinth.core.Check;
import io.plinth.core.Id;
import io.plinth.core.Ids;
import java.util.UUID;

/** Identifies a {@link MemoryUnit}. Made with {@link #generate()} (time-ordered) or {@link #parse(String)}. */
public record MemoryUnitId(UUID value) implements Id {
    public MemoryUnitId {
        Check.required("memoryUnitId", value);
    }

    /** A new, time-ordered id. */
    public static MemoryUnitId generate() {
        return new MemoryUnitId(Ids.next());
    }

    /** Parses the canonical text form; a malformed text gives an {@link io.plinth.core.InvalidInputException}. */
    public static MemoryUnitId parse(String text) {
        return new MemoryUnitId(Ids.parse("memoryUnitId", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
