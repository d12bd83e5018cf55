package io.plinth.memory;

import io.plinth.core.Check;
import io.plinth.core.Id;
import io.plinth.core.Ids;
import java.util.UUID;

/** Identifies a {@link ConceptRelation}. Made with {@link #generate()} (time-ordered) or {@link #parse(String)}. */
public record ConceptRelationId(UUID value) implements Id {
    public ConceptRelationId {
        Check.required("conceptRelationId", value);
    }

    /** A new, time-ordered id. */
    public static ConceptRelationId generate() {
        return new ConceptRelationId(Ids.next());
    }

    /** Parses the canonical text form; a malformed text gives an {@link io.plinth.core.InvalidInputException}. */
    public static ConceptRelationId parse(String text) {
        return new ConceptRelationId(Ids.parse("conceptRelationId", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
