package io.plinth.testkit.tenancy;

import io.plinth.core.ConflictException;
import io.plinth.core.NotFoundException;
import io.plinth.core.Page;
import io.plinth.core.PageRequest;
import io.plinth.tenancy.Membership;
import io.plinth.tenancy.NewMembership;
import io.plinth.tenancy.NewWorkspace;
import io.plinth.tenancy.Role;
import io.plinth.tenancy.TenancyTables;
import io.plinth.tenancy.UserId;
import io.plinth.tenancy.Workspace;
import io.plinth.tenancy.WorkspaceId;
import io.plinth.tenancy.WorkspaceRepository;
import io.plinth.testkit.MemCrudRepository;
import io.plinth.testkit.MemTable;
import io.plinth.testkit.MemTableRepository;
import io.plinth.testkit.Rows;
import io.plinth.testkit.Tables;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * In-memory {@link WorkspaceRepository}: the declared calls, the owner's membership made with the
 * workspace, a new owner who must be a member, the ledger's refusal, and the workspaces of a user.
 */
public final class MemWorkspaceRepository extends MemTableRepository<WorkspaceId, NewWorkspace, Workspace>
        implements WorkspaceRepository {
    /** The foreign key of a membership to its user, whose index finds a user's memberships in workspace order. */
    private static final String BY_USER = "workspace_members_user_id_fkey";

    private final MemTable<Membership> members;

    public MemWorkspaceRepository(Tables tables, Supplier<Instant> now) {
        super(tables, TenancyTables.WORKSPACES, now);
        this.members = tables.table(TenancyTables.WORKSPACE_MEMBERS);
    }

    @Override
    public Workspace create(NewWorkspace workspace) {
        Workspace created = super.create(workspace);
        new MemCrudRepository<>(tables, TenancyTables.WORKSPACE_MEMBERS, created::createdAt)
                .create(new NewMembership(created.id(), created.ownerId(), Role.ADMIN));
        return created;
    }

    @Override
    public Workspace update(Workspace workspace) {
        Workspace stored = rows.get(workspace.id().value());
        UserId owner = workspace.ownerId();
        if (stored != null && stored.version() == workspace.version() && !owner.equals(stored.ownerId())
                && members.get(workspace.id().value(), owner.value()) == null) {
            throw new ConflictException("new owner " + owner + " must first be a member of workspace " + workspace.id());
        }
        return super.update(workspace);
    }

    @Override
    public void delete(WorkspaceId id) {
        get(id);
        if (tables.accounts.values().stream().anyMatch(a -> id.equals(a.workspaceId()))) {
            throw new ConflictException("workspace " + id + " has ledger accounts; its ledger history is kept for good");
        }
        super.delete(id);
    }

    @Override
    public Page<Workspace> listForUser(UserId userId, PageRequest page) {
        return Rows.page(members.rowsReferencing(BY_USER, userId.value()).stream()
                        .map(m -> rows.get(m.workspaceId().value())), page, w -> w.id().value());
    }
}
