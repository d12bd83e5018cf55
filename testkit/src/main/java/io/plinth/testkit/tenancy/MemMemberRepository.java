package io.plinth.testkit.tenancy;

import io.plinth.testkit.Rows;
import io.plinth.testkit.Tables;

import io.plinth.core.Check;
import io.plinth.core.ConflictException;
import io.plinth.core.NotFoundException;
import io.plinth.core.Page;
import io.plinth.core.PageRequest;
import io.plinth.tenancy.MemberRepository;
import io.plinth.tenancy.Membership;
import io.plinth.tenancy.Role;
import io.plinth.tenancy.UserId;
import io.plinth.tenancy.TenancyTables;
import io.plinth.tenancy.Workspace;
import io.plinth.tenancy.WorkspaceId;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/** In-memory {@link MemberRepository}. */
public final class MemMemberRepository implements MemberRepository {
    private final Tables t;
    private final Supplier<Instant> now;

    public MemMemberRepository(Tables tables, Supplier<Instant> now) {
        this.t = tables;
        this.now = now;
    }

    private static Tables.MemberKey key(WorkspaceId workspaceId, UserId userId) {
        Check.required("workspaceId", workspaceId);
        Check.required("userId", userId);
        return new Tables.MemberKey(workspaceId.value(), userId.value());
    }

    private static String describe(WorkspaceId workspaceId, UserId userId) {
        return userId + " in workspace " + workspaceId;
    }

    @Override
    public Membership add(WorkspaceId workspaceId, UserId userId, Role role) {
        Tables.MemberKey key = key(workspaceId, userId);
        Check.required("role", role);
        if (!t.exists("workspaces", workspaceId.value())) {
            throw new NotFoundException("workspace", workspaceId);
        }
        if (!t.users.containsKey(userId.value())) {
            throw new NotFoundException("user", userId);
        }
        if (t.members.containsKey(key)) {
            throw new ConflictException("user " + describe(workspaceId, userId) + " is already a member");
        }
        Instant at = now.get();
        Membership created = new Membership(workspaceId, userId, role, at, at, 0);
        t.put(t.members, key, created);
        return created;
    }

    @Override
    public Membership get(WorkspaceId workspaceId, UserId userId) {
        return find(workspaceId, userId).orElseThrow(() -> new NotFoundException("membership", describe(workspaceId, userId)));
    }

    @Override
    public Optional<Membership> find(WorkspaceId workspaceId, UserId userId) {
        return Optional.ofNullable(t.members.get(key(workspaceId, userId)));
    }

    @Override
    public Membership update(Membership membership) {
        Check.required("membership", membership);
        Tables.MemberKey key = key(membership.workspaceId(), membership.userId());
        Membership stored = t.members.get(key);
        Rows.current(stored, stored == null ? -1 : stored.version(), membership.version(), "membership",
                describe(membership.workspaceId(), membership.userId()));
        Membership updated = new Membership(membership.workspaceId(), membership.userId(), membership.role(),
                stored.createdAt(), now.get(), stored.version() + 1);
        t.put(t.members, key, updated);
        return updated;
    }

    @Override
    public void remove(WorkspaceId workspaceId, UserId userId) {
        get(workspaceId, userId);
        Workspace workspace = t.table(TenancyTables.WORKSPACES).get(workspaceId.value());
        if (workspace.ownerId().equals(userId)) {
            throw new ConflictException("user " + userId + " owns workspace " + workspaceId + " and cannot leave it");
        }
        t.remove(t.members, key(workspaceId, userId));
    }

    @Override
    public Page<Membership> list(WorkspaceId workspaceId, PageRequest page) {
        Check.required("workspaceId", workspaceId);
        Check.required("page", page);
        return Rows.page(t.members.values().stream().filter(m -> m.workspaceId().equals(workspaceId)),
                page, m -> m.userId().value());
    }
}
