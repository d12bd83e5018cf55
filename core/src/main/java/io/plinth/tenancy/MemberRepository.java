package io.plinth.tenancy;

import io.plinth.core.ReadOnly;
import io.plinth.core.Page;
import io.plinth.core.PageRequest;
import java.util.Optional;

/** Memberships of users in workspaces. A user is a member of a workspace at most once. */
public interface MemberRepository {
    /** Adds the user to the workspace; an existing membership is a {@link io.plinth.core.ConflictException}. */
    Membership add(WorkspaceId workspaceId, UserId userId, Role role);

    @ReadOnly
    Membership get(WorkspaceId workspaceId, UserId userId);

    @ReadOnly
    Optional<Membership> find(WorkspaceId workspaceId, UserId userId);

    /** Changes the role if {@code membership.version()} is still current. */
    Membership update(Membership membership);

    /** Removes the membership; the workspace's owner cannot be removed (a conflict). */
    void remove(WorkspaceId workspaceId, UserId userId);

    /** The workspace's members in user-id order. */
    @ReadOnly
    Page<Membership> list(WorkspaceId workspaceId, PageRequest page);
}
