package io.plinth.tenancy;

import io.plinth.core.CrudRepository;

/**
 * Memberships of users in workspaces (table {@code workspace_members}, {@link TenancyTables#WORKSPACE_MEMBERS}),
 * scoped by workspace; a membership's id within its workspace is its user's id. A user is a member of a
 * workspace at most once; the workspace's owner cannot be removed; listings are in user-id order.
 * {@code get}, {@code find}, {@code update} and {@code list} are the declared ones.
 */
public interface MemberRepository extends CrudRepository<WorkspaceId, UserId, NewMembership, Membership> {
    /** Adds the user to the workspace; an existing membership is a {@link io.plinth.core.ConflictException}. */
    Membership add(WorkspaceId workspaceId, UserId userId, Role role);

    /**
     * Removes the membership, as {@link #delete} does: the workspace's owner cannot be removed (a
     * {@link io.plinth.core.ConflictException}).
     */
    void remove(WorkspaceId workspaceId, UserId userId);

    /** Removes the membership; the workspace's owner cannot be removed (a {@link io.plinth.core.ConflictException}). */
    @Override
    void delete(WorkspaceId workspaceId, UserId userId);
}
