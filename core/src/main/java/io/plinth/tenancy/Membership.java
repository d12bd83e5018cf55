package io.plinth.tenancy;

import io.plinth.core.Check;
import java.time.Instant;

/**
 * A user's membership of a workspace, with a role (table {@code workspace_members}).
 *
 * @param version optimistic-lock version; an update must carry the version it read
 */
public record Membership(WorkspaceId workspaceId, UserId userId, Role role,
                         Instant createdAt, Instant updatedAt, long version) {
    public Membership {
        Check.required("workspaceId", workspaceId);
        Check.required("userId", userId);
        Check.required("role", role);
        Check.required("createdAt", createdAt);
        Check.required("updatedAt", updatedAt);
        Check.version(version);
    }

    public Membership withRole(Role newRole) {
        return new Membership(workspaceId, userId, newRole, createdAt, updatedAt, version);
    }
}
