package io.plinth.tenancy;

import io.plinth.core.Page;
import io.plinth.core.PageRequest;
import io.plinth.core.ReadOnly;
import io.plinth.core.TableRepository;

/**
 * Workspaces, the tenants (table {@code workspaces}, {@link TenancyTables#WORKSPACES}). Creating one
 * makes its owner an {@link Role#ADMIN} member; a new owner must already be a member; deleting one
 * deletes its memberships and projects, and is refused while it has ledger accounts.
 */
public interface WorkspaceRepository extends TableRepository<WorkspaceId, NewWorkspace, Workspace> {
    /** The workspaces the user is a member of, in id order. */
    @ReadOnly
    Page<Workspace> listForUser(UserId userId, PageRequest page);
}
