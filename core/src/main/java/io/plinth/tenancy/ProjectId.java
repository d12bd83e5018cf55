package io.plinth.tenancy;

import io.plinth.core.Check;
import io.plinth.core.Id;
import io.plinth.core.Ids;
import java.util.UUID;

/** Identifies a {@link Project}. Made with {@link #generate()} (time-ordered) or {@link #parse(String)}. */
public record ProjectId(UUID value) implements Id {
    public ProjectId {
        Check.required("projectId", value);
    }

    /** A new, time-ordered id. */
    public static ProjectId generate() {
        return new ProjectId(Ids.next());
    }

    /** Parses the canonical text form; a malformed text gives an {@link io.plinth.core.InvalidInputException}. */
    public static ProjectId parse(String text) {
        return new ProjectId(Ids.parse("projectId", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
