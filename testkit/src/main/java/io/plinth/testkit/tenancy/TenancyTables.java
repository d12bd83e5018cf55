package io.plinth.testkit.tenancy;

import io.plinth.core.Ids;
import io.plinth.tenancy.Membership;
import io.plinth.tenancy.Project;
import io.plinth.tenancy.User;
import io.plinth.tenancy.UserSession;
import io.plinth.tenancy.Workspace;
import java.util.Comparator;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The tenancy tables of the in-memory store, each ordered as PostgreSQL orders its primary key.
 * Rows are immutable records, so a copy of the maps is a snapshot of the data.
 */
public final class TenancyTables {
    /** Primary key of {@code workspace_members}. */
    record MemberKey(UUID workspaceId, UUID userId) {
        static final Comparator<MemberKey> ORDER = Comparator.comparing(MemberKey::workspaceId, Ids.ORDER)
                .thenComparing(MemberKey::userId, Ids.ORDER);
    }

    final TreeMap<UUID, User> users;
    final TreeMap<UUID, Workspace> workspaces;
    final TreeMap<MemberKey, Membership> members;
    final TreeMap<UUID, Project> projects;
    final TreeMap<UUID, UserSession> sessions;

    public TenancyTables() {
        users = new TreeMap<>(Ids.ORDER);
        workspaces = new TreeMap<>(Ids.ORDER);
        members = new TreeMap<>(MemberKey.ORDER);
        projects = new TreeMap<>(Ids.ORDER);
        sessions = new TreeMap<>(Ids.ORDER);
    }

    private TenancyTables(TenancyTables other) {
        users = new TreeMap<>(other.users);
        workspaces = new TreeMap<>(other.workspaces);
        members = new TreeMap<>(other.members);
        projects = new TreeMap<>(other.projects);
        sessions = new TreeMap<>(other.sessions);
    }

    /** A snapshot that can be changed without changing this one. */
    public TenancyTables copy() {
        return new TenancyTables(this);
    }
}
