package io.plinth.tenancy;

import io.plinth.core.Check;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * A project within a workspace (seed 003's {@code projects}); {@code keyName} is unique per workspace.
 *
 * @param version optimistic-lock version; an update must carry the version it read
 */
public record Project(ProjectId id, WorkspaceId workspaceId, String name, String keyName, String description,
                      UserId createdBy, Instant createdAt, Instant updatedAt, long version) {
    /** Longest accepted name. */
    public static final int MAX_NAME = 255;
    /** Longest accepted description. */
    public static final int MAX_DESCRIPTION = 10_000;
    private static final Pattern KEY_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");

    public Project {
        Check.required("id", id);
        Check.required("workspaceId", workspaceId);
        validate(name, keyName, description);
        Check.required("createdAt", createdAt);
        Check.required("updatedAt", updatedAt);
        Check.version(version);
    }

    static void validate(String name, String keyName, String description) {
        Check.text("name", name, MAX_NAME);
        Check.matches("keyName", keyName, 50, KEY_NAME,
                "must be upper-case letters, digits or underscores, starting with a letter");
        Check.optionalText("description", description, MAX_DESCRIPTION);
    }

    public Project withName(String newName) {
        return new Project(id, workspaceId, newName, keyName, description, createdBy, createdAt, updatedAt, version);
    }

    public Project withKeyName(String newKeyName) {
        return new Project(id, workspaceId, name, newKeyName, description, createdBy, createdAt, updatedAt, version);
    }

    public Project withDescription(String newDescription) {
        return new Project(id, workspaceId, name, keyName, newDescription, createdBy, createdAt, updatedAt, version);
    }
}
