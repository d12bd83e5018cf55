package io.plinth.tenancy;

import io.plinth.core.Check;

/**
 * What it takes to create a {@link Project}.
 *
 * @param keyName     ticket prefix such as {@code PRISM}: upper-case letters, digits and underscores,
 *                    starting with a letter, at most 50 characters; unique within the workspace
 * @param description optional, at most 10 000 characters
 * @param createdBy   optional; an existing user
 */
public record NewProject(WorkspaceId workspaceId, String name, String keyName, String description, UserId createdBy) {
    public NewProject {
        Check.required("workspaceId", workspaceId);
        Project.validate(name, keyName, description);
    }
}
