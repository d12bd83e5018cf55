package io.plinth.tenancy;

import io.plinth.core.Check;

/**
 * What it takes to make a user a member of a workspace ({@link MemberRepository#create}, or
 * {@link MemberRepository#add}). The store assigns the times and version 0.
 *
 * @param workspaceId an existing workspace
 * @param userId      an existing user, not yet a member of it
 * @param role        required
 */
public record NewMembership(WorkspaceId workspaceId, UserId userId, Role role) {
    public NewMembership {
        Check.required("workspaceId", workspaceId);
        Check.required("userId", userId);
        Check.required("role", role);
    }
}
