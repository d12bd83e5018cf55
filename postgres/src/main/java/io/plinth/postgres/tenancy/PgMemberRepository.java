package io.plinth.postgres.tenancy;

import io.plinth.core.ConflictException;
import io.plinth.core.NotFoundException;
import io.plinth.postgres.PgCrudRepository;
import io.plinth.tenancy.MemberRepository;
import io.plinth.tenancy.Membership;
import io.plinth.tenancy.NewMembership;
import io.plinth.tenancy.Role;
import io.plinth.tenancy.TenancyTables;
import io.plinth.tenancy.UserId;
import io.plinth.tenancy.WorkspaceId;
import java.time.Instant;
import java.util.function.Supplier;
import io.plinth.postgres.PgSession;
import org.jdbi.v3.core.Handle;

/**
 * {@link MemberRepository} on table {@code workspace_members}, keyed by (workspace, user): the declared
 * calls, {@code add}, and a removal that spares the workspace's owner in the same statement.
 */
public final class PgMemberRepository extends PgCrudRepository<WorkspaceId, UserId, NewMembership, Membership>
        implements MemberRepository {
    private static final String DELETE_UNLESS_OWNER = "DELETE FROM workspace_members"
            + " WHERE workspace_id = :workspace AND user_id = :user"
            + " AND NOT EXISTS (SELECT 1 FROM workspaces w WHERE w.id = :workspace AND w.owner_id = :user)";

    /** Binds the repository to the session of one unit of work; {@code now} is the store's clock. */
    public PgMemberRepository(PgSession session, Supplier<Instant> now) {
        super(session, TenancyTables.WORKSPACE_MEMBERS, now);
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
        int deleted = handle().createUpdate(DELETE_UNLESS_OWNER).bind("workspace", workspaceId.value())
                .bind("user", userId.value()).execute();
        if (deleted == 0) {
            if (find(workspaceId, userId).isEmpty()) {
                throw new NotFoundException(table.entity(), userId);
            }
            throw new ConflictException("user " + userId + " owns workspace " + workspaceId + " and cannot leave it");
        }
    }
}
