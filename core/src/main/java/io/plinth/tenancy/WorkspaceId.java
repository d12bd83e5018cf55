package io.plinth.tenancy;

import io.plinth.core.Check;
import io.plinth.core.Id;
import io.plinth.core.Ids;
import java.util.UUID;

/** Identifies a {@link Workspace}. Made with {@link #generate()} (time-ordered) or {@link #parse(String)}. */
public record WorkspaceId(UUID value) implements Id {
    public WorkspaceId {
        Check.required("workspaceId", value);
    }

    /** A new, time-ordered id. */
    public static WorkspaceId generate() {
        return new WorkspaceId(Ids.next());
    }

    /** Parses the canonical text form; a malformed text gives an {@link io.plinth.core.InvalidInputException}. */
    public static WorkspaceId parse(String text) {
        return new WorkspaceId(Ids.parse("workspaceId", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
