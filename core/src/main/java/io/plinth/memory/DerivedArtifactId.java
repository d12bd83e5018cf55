package io.plinth.memory;

import io.plinth.core.Check;
import io.plinth.core.Id;
import io.plinth.core.Ids;
import java.util.UUID;

/** Identifies a {@link DerivedArtifact}. Made with {@link #generate()} (time-ordered) or {@link #parse(String)}. */
public record DerivedArtifactId(UUID value) implements Id {
    public DerivedArtifactId {
        Check.required("derivedArtifactId", value);
    }

    /** A new, time-ordered id. */
    public static DerivedArtifactId generate() {
        return new DerivedArtifactId(Ids.next());
    }

    /** Parses the canonical text form; a malformed text gives an {@link io.plinth.core.InvalidInputException}. */
    public static DerivedArtifactId parse(String text) {
        return new DerivedArtifactId(Ids.parse("derivedArtifactId", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
