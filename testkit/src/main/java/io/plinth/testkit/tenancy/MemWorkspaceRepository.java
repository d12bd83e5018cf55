package io.plinth.testkit.tenancy;

import io.plinth.testkit.Rows;
import io.plinth.testkit.Tables;

import io.plinth.core.Check;
import io.plinth.core.ConflictException;
import io.plinth.core.NotFoundException;
import io.plinth.core.Page;
import io.plinth.core.PageRequest;
import io.plinth.tenancy.Membership;
import io.plinth.tenancy.NewWorkspace;
import io.plinth.tenancy.Role;
import io.plinth.tenancy.UserId;
import io.plinth.tenancy.Workspace;
import io.plinth.tenancy.WorkspaceId;
import io.plinth.tenancy.WorkspaceRepository;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/** In-memory {@link WorkspaceRepository}. */
public final class MemWorkspaceRepository implements WorkspaceRepository {
    private final Tables t;
    private final Supplier<Instant> now;

    public MemWorkspaceRepository(Tables tables, Supplier<Instant> now) {
        this.t = tables;
        this.now = now;
    }

    @Override
    public Workspace create(NewWorkspace workspace) {
        Check.required("workspace", workspace);
        if (!t.users.containsKey(workspace.ownerId().value())) {
            throw new NotFoundException("user", workspace.ownerId());
        }
        Instant at = now.get();
        Workspace created = new Workspace(WorkspaceId.generate(), workspace.name(), workspace.ownerId(),
                workspace.planTier(), at, at, 0);
        t.put(t.workspaces, created.id().value(), created);
        Membership owner = new Membership(created.id(), created.ownerId(), Role.ADMIN, at, at, 0);
        t.put(t.members, new Tables.MemberKey(created.id().value(), created.ownerId().value()), owner);
        return created;
    }

    @Override
    public Workspace get(WorkspaceId id) {
        return find(id).orElseThrow(() -> new NotFoundException("workspace", id));
    }

    @Override
    public Optional<Workspace> find(WorkspaceId id) {
        Check.required("id", id);
        return Optional.ofNullable(t.workspaces.get(id.value()));
    }

    @Override
    public Workspace update(Workspace workspace) {
        Check.required("workspace", workspace);
        Workspace stored = t.workspaces.get(workspace.id().value());
        Rows.current(stored, stored == null ? -1 : stored.version(), workspace.version(), "workspace", workspace.id());
        UserId owner = workspace.ownerId();
        if (!owner.equals(stored.ownerId())
                && !t.members.containsKey(new Tables.MemberKey(workspace.id().value(), owner.value()))) {
            throw new ConflictException("new owner " + owner + " must first be a member of workspace " + workspace.id());
        }
        Workspace updated = new Workspace(workspace.id(), workspace.name(), owner, workspace.planTier(),
                stored.createdAt(), now.get(), stored.version() + 1);
        t.put(t.workspaces, updated.id().value(), updated);
        return updated;
    }

    @Override
    public void delete(WorkspaceId id) {
        get(id);
        if (t.accounts.values().stream().anyMatch(a -> id.equals(a.workspaceId()))) {
            throw new ConflictException("workspace " + id + " has ledger accounts; its ledger history is kept for good");
        }
        t.remove(t.workspaces, id.value());
        t.removeIf(t.members, m -> m.workspaceId().equals(id));
        t.deleted("workspaces", id.value());
    }

    @Override
    public Page<Workspace> list(PageRequest page) {
        Check.required("page", page);
        return Rows.page(t.workspaces.values().stream(), page, w -> w.id().value());
    }

    @Override
    public Page<Workspace> listForUser(UserId userId, PageRequest page) {
        Check.required("userId", userId);
        Check.required("page", page);
        return Rows.page(t.workspaces.values().stream()
                        .filter(w -> t.members.containsKey(new Tables.MemberKey(w.id().value(), userId.value()))),
                page, w -> w.id().value());
    }
}
