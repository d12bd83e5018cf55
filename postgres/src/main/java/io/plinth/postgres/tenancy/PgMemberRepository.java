package io.plinth.postgres.tenancy;

import io.plinth.core.Check;
import io.plinth.core.ConflictException;
import io.plinth.core.NotFoundException;
import io.plinth.core.Page;
import io.plinth.core.PageRequest;
import io.plinth.postgres.sql.Rows;
import io.plinth.tenancy.MemberRepository;
import io.plinth.tenancy.Membership;
import io.plinth.tenancy.Role;
import io.plinth.tenancy.UserId;
import io.plinth.tenancy.WorkspaceId;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * {@link MemberRepository} on table {@code workspace_members}, keyed by (workspace, user). A missing
 * workspace or user surfaces from the foreign keys, a second membership from the primary key.
 */
public final class PgMemberRepository implements MemberRepository {
    private final MemberDao dao;
    private final Supplier<Instant> now;

    /** Binds the repository to the handle of one unit of work; {@code now} is the store's clock. */
    public PgMemberRepository(Handle handle, Supplier<Instant> now) {
        this.dao = handle.attach(MemberDao.class);
        this.now = now;
    }

    /** How a membership is named in errors. */
    static String describe(WorkspaceId workspaceId, UserId userId) {
        return userId + " in workspace " + workspaceId;
    }

    @Override
    public Membership add(WorkspaceId workspaceId, UserId userId, Role role) {
        Check.required("workspaceId", workspaceId);
        Check.required("userId", userId);
        Check.required("role", role);
        return dao.insert(workspaceId.value(), userId.value(), TenancyPlugin.spelling(role), now.get());
    }

    @Override
    public Membership get(WorkspaceId workspaceId, UserId userId) {
        return Rows.found(find(workspaceId, userId), "membership", describe(workspaceId, userId));
    }

    @Override
    public Optional<Membership> find(WorkspaceId workspaceId, UserId userId) {
        Check.required("workspaceId", workspaceId);
        Check.required("userId", userId);
        return dao.find(workspaceId.value(), userId.value());
    }

    @Override
    public Membership update(Membership membership) {
        Check.required("membership", membership);
        WorkspaceId workspaceId = membership.workspaceId();
        UserId userId = membership.userId();
        return Rows.updated(dao.update(workspaceId.value(), userId.value(), membership.version(),
                        TenancyPlugin.spelling(membership.role()), now.get()),
                "membership", describe(workspaceId, userId), () -> dao.exists(workspaceId.value(), userId.value()));
    }

    @Override
    public void remove(WorkspaceId workspaceId, UserId userId) {
        Check.required("workspaceId", workspaceId);
        Check.required("userId", userId);
        if (dao.deleteUnlessOwner(workspaceId.value(), userId.value()) == 0) {
            if (dao.exists(workspaceId.value(), userId.value())) {
                throw new ConflictException("user " + userId + " owns workspace " + workspaceId + " and cannot leave it");
            }
            throw new NotFoundException("membership", describe(workspaceId, userId));
        }
    }

    @Override
    public Page<Membership> list(WorkspaceId workspaceId, PageRequest page) {
        Check.required("workspaceId", workspaceId);
        Check.required("page", page);
        return Rows.page(page, (after, limit) -> dao.list(workspaceId.value(), after, limit), m -> m.userId().value());
    }
}
