package io.plinth.tenancy;

import io.plinth.core.ReadOnly;
import io.plinth.core.Page;
import io.plinth.core.PageRequest;
import java.util.Optional;

/** Workspaces, the tenants. Deleting one deletes its memberships and projects. */
public interface WorkspaceRepository {
    /** Creates the workspace and makes its owner an {@link Role#ADMIN} member, atomically. */
    Workspace create(NewWorkspace workspace);

    @ReadOnly
    Workspace get(WorkspaceId id);

    @ReadOnly
    Optional<Workspace> find(WorkspaceId id);

    /** Saves changed fields if {@code workspace.version()} is still current. A new owner must exist. */
    Workspace update(Workspace workspace);

    void delete(WorkspaceId id);

    /** All workspaces in id order. */
    @ReadOnly
    Page<Workspace> list(PageRequest page);

    /** The workspaces the user is a member of, in id order. */
    @ReadOnly
    Page<Workspace> listForUser(UserId userId, PageRequest page);
}
