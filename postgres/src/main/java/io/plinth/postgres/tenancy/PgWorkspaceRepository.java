package io.plinth.postgres.tenancy;

import io.plinth.core.Check;
import io.plinth.core.ConflictException;
import io.plinth.core.NotFoundException;
import io.plinth.core.Page;
import io.plinth.core.PageRequest;
import io.plinth.postgres.sql.Rows;
import io.plinth.tenancy.NewWorkspace;
import io.plinth.tenancy.Role;
import io.plinth.tenancy.UserId;
import io.plinth.tenancy.Workspace;
import io.plinth.tenancy.WorkspaceId;
import io.plinth.tenancy.WorkspaceRepository;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * {@link WorkspaceRepository} on table {@code workspaces}. Creating a workspace also inserts the
 * owner's {@code ADMIN} row in {@code workspace_members}; deleting one cascades to its
 * memberships and projects.
 */
public final class PgWorkspaceRepository implements WorkspaceRepository {
    private final WorkspaceDao dao;
    private final MemberDao members;
    private final Supplier<Instant> now;

    /** Binds the repository to the handle of one unit of work; {@code now} is the store's clock. */
    public PgWorkspaceRepository(Handle handle, Supplier<Instant> now) {
        this.dao = handle.attach(WorkspaceDao.class);
        this.members = handle.attach(MemberDao.class);
        this.now = now;
    }

    @Override
    public Workspace create(NewWorkspace workspace) {
        Check.required("workspace", workspace);
        Instant at = now.get();
        Workspace created = dao.insert(WorkspaceId.generate().value(), workspace.name(), workspace.ownerId().value(),
                TenancyPlugin.spelling(workspace.planTier()), at);
        members.insert(created.id().value(), created.ownerId().value(), TenancyPlugin.spelling(Role.ADMIN), at);
        return created;
    }

    @Override
    public Workspace get(WorkspaceId id) {
        return Rows.found(find(id), "workspace", id);
    }

    @Override
    public Optional<Workspace> find(WorkspaceId id) {
        Check.required("id", id);
        return dao.find(id.value());
    }

    @Override
    public Workspace update(Workspace workspace) {
        Check.required("workspace", workspace);
        Optional<Workspace> updated = dao.update(workspace.id().value(), workspace.version(), workspace.name(),
                workspace.ownerId().value(), TenancyPlugin.spelling(workspace.planTier()), now.get());
        return updated.orElseThrow(() -> whyNotUpdated(workspace));
    }

    private RuntimeException whyNotUpdated(Workspace workspace) {
        Optional<Workspace> stored = dao.find(workspace.id().value());
        if (stored.isEmpty()) {
            return new NotFoundException("workspace", workspace.id());
        }
        if (stored.get().version() != workspace.version()) {
            return Rows.stale("workspace", workspace.id());
        }
        return new ConflictException("new owner " + workspace.ownerId() + " must first be a member of workspace "
                + workspace.id());
    }

    @Override
    public void delete(WorkspaceId id) {
        Check.required("id", id);
        Rows.deleted(dao.delete(id.value()), "workspace", id);
    }

    @Override
    public Page<Workspace> list(PageRequest page) {
        Check.required("page", page);
        return Rows.page(page, dao::list, w -> w.id().value());
    }

    @Override
    public Page<Workspace> listForUser(UserId userId, PageRequest page) {
        Check.required("userId", userId);
        Check.required("page", page);
        return Rows.page(page, (after, limit) -> dao.listForUser(userId.value(), after, limit), w -> w.id().value());
    }
}
