package io.plinth.memory;

import io.plinth.core.Check;
import io.plinth.core.Id;
import io.plinth.core.Ids;
import java.util.UUID;

/** Identifies a {@link Concept}. Made with {@link #generate()} (time-ordered) or {@link #parse(String)}. */
public record ConceptId(UUID value) implements Id {
    public ConceptId {
        Check.required("conceptId", value);
    }

    /** A new, time-ordered id. */
    public static ConceptId generate() {
        return new ConceptId(Ids.next());
    }

    /** Parses the canonical text form; a malformed text gives an {@link io.plinth.core.InvalidInputException}. */
    public static ConceptId parse(String text) {
        return new ConceptId(Ids.parse("conceptId", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
