package io.plinth.postgres.tenancy;

import io.plinth.core.ConflictException;
import io.plinth.core.Page;
import io.plinth.core.PageRequest;
import io.plinth.postgres.PgCrudRepository;
import io.plinth.postgres.PgTableRepository;
import io.plinth.tenancy.NewMembership;
import io.plinth.tenancy.NewWorkspace;
import io.plinth.tenancy.Role;
import io.plinth.tenancy.TenancyTables;
import io.plinth.tenancy.UserId;
import io.plinth.tenancy.Workspace;
import io.plinth.tenancy.WorkspaceId;
import io.plinth.tenancy.WorkspaceRepository;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;
import io.plinth.postgres.PgSession;
import org.jdbi.v3.core.Handle;

/**
 * {@link WorkspaceRepository} on table {@code workspaces}: the declared calls; creating a workspace
 * also inserts the owner's {@code ADMIN} row in {@code workspace_members}; a new owner must be a
 * member (whose row is locked until the unit of work ends); deleting one cascades to its memberships
 * and projects, and the ledger's {@code RESTRICT} refuses it while it has accounts.
 */
public final class PgWorkspaceRepository extends PgTableRepository<WorkspaceId, NewWorkspace, Workspace>
        implements WorkspaceRepository {
    private static final String IS_MEMBER = "SELECT EXISTS (SELECT 1 FROM workspace_members"
            + " WHERE workspace_id = :workspace AND user_id = :user FOR SHARE)";

    /** Binds the repository to the session of one unit of work; {@code now} is the store's clock. */
    public PgWorkspaceRepository(PgSession session, Supplier<Instant> now) {
        super(session, TenancyTables.WORKSPACES, now);
    }

    @Override
    public Workspace create(NewWorkspace workspace) {
        Workspace created = super.create(workspace);
        new PgCrudRepository<>(session, TenancyTables.WORKSPACE_MEMBERS, created::createdAt)
                .create(new NewMembership(created.id(), created.ownerId(), Role.ADMIN));
        return created;
    }

    @Override
    public Workspace update(Workspace workspace) {
        UUID id = workspace.id().value();
        UserId owner = workspace.ownerId();
        Workspace stored = find(workspace.id()).orElse(null);
        if (stored != null && stored.version() == workspace.version() && !owner.equals(stored.ownerId())
                && !handle().createQuery(IS_MEMBER).bind("workspace", id).bind("user", owner.value())
                        .mapTo(Boolean.class).one()) {
            throw new ConflictException("new owner " + owner + " must first be a member of workspace " + workspace.id());
        }
        return super.update(workspace);
    }

    @Override
    public Page<Workspace> listForUser(UserId userId, PageRequest page) {
        UUID after = page.afterKey() == null ? new UUID(0, 0) : page.afterKey();
        return Page.of(handle().createQuery(sql.selectWhere("id > :after AND EXISTS (SELECT 1 FROM workspace_members m"
                        + " WHERE m.workspace_id = workspaces.id AND m.user_id = :userId) ORDER BY id LIMIT <limit>"))
                .bind("userId", userId.value()).bind("after", after).define("limit", page.limit() + 1)
                .map(sql.mapper()).list(), page.limit(), w -> w.id().value());
    }
}
