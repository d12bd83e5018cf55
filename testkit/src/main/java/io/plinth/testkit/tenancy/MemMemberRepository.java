package io.plinth.testkit.tenancy;

import io.plinth.core.ConflictException;
import io.plinth.tenancy.MemberRepository;
import io.plinth.tenancy.Membership;
import io.plinth.tenancy.NewMembership;
import io.plinth.tenancy.Role;
import io.plinth.tenancy.TenancyTables;
import io.plinth.tenancy.UserId;
import io.plinth.tenancy.Workspace;
import io.plinth.tenancy.WorkspaceId;
import io.plinth.testkit.MemCrudRepository;
import io.plinth.testkit.Tables;
import java.time.Instant;
import java.util.function.Supplier;

/** In-memory {@link MemberRepository}: the declared calls, {@code add}, and the owner who cannot be removed. */
public final class MemMemberRepository extends MemCrudRepository<WorkspaceId, UserId, NewMembership, Membership>
        implements MemberRepository {
    public MemMemberRepository(Tables tables, Supplier<Instant> now) {
        super(tables, TenancyTables.WORKSPACE_MEMBERS, now);
    }

    @Override
    public Membership add(WorkspaceId workspaceId, UserId userId, Role role) {
        return create(new NewMembership(workspaceId, userId, role));
    }

    @Override
    public void remove(WorkspaceId workspaceId, UserId userId) {
        delete(workspaceId, userId);
    }

    @Override
    public void delete(WorkspaceId workspaceId, UserId userId) {
        Membership membership = get(workspaceId, userId);
        Workspace workspace = tables.table(TenancyTables.WORKSPACES).get(workspaceId.value());
        if (workspace.ownerId().equals(userId)) {
            throw new ConflictException("user " + userId + " owns workspace " + workspaceId + " and cannot leave it");
        }
        rows.delete(membership);
    }
}
