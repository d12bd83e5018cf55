package io.plinth.tenancy;

import io.plinth.core.table.ColumnType;
import io.plinth.core.table.OnDelete;
import io.plinth.core.table.Table;
import java.util.List;

/**
 * The table declarations of the tenancy models that are declared ones (see {@link io.plinth.core.table});
 * the SQL is {@code migrations/sql/V1__tenancy.sql} (and {@code V5__email_case.sql}).
 */
public final class TenancyTables {
    private TenancyTables() {
    }

    /**
     * {@code users} (seed 004, every field), a table of no tenant. Emails are unique as written
     * ({@code users_email_key}) and ignoring ASCII case ({@code users_email_lower_key}, {@link Emails}).
     * The cycle columns are the concept cycle's: an update leaves them as stored.
     */
    public static final Table<NewUser, User> USERS =
            Table.<NewUser, User>of("users", "user", UserRepository.class)
                    .id("user_id", u -> u.id().value())
                    .column("email", ColumnType.TEXT, false, User::email)
                    .column("hashed_password", "passwordHash", ColumnType.TEXT, true,
                            u -> u.passwordHash() == null ? null : u.passwordHash().value())
                    .column("name", ColumnType.TEXT, true, User::name)
                    .column("region", ColumnType.TEXT, false, User::region)
                    .column("timezone", ColumnType.TEXT, true, User::timezone)
                    .column("language_preference", ColumnType.TEXT, true, User::languagePreference)
                    .column("profile_picture_url", ColumnType.TEXT, true, User::profilePictureUrl)
                    .column("account_status", "status", ColumnType.TEXT, false, u -> u.status().spelling())
                    .createdAt("created_at", User::createdAt)
                    .updatedAt("last_active_at", true, User::lastActiveAt)
                    .column("memory_profile", ColumnType.JSON, true, User::memoryProfile)
                    .column("knowledge_graph_schema", ColumnType.JSON, true, User::knowledgeGraphSchema)
                    .column("next_conversation_context_package", ColumnType.JSON, true, User::nextConversationContextPackage)
                    .fixed("last_cycle_started_at", ColumnType.INSTANT, true, User::lastCycleStartedAt)
                    .fixed("concepts_created_in_cycle", ColumnType.INTEGER, false, User::conceptsCreatedInCycle)
                    .column("preferences", ColumnType.JSON, true, User::preferences)
                    .updatedAt("updated_at", false, User::updatedAt)
                    .version(User::version)
                    .unique("users_email_key", List.of("email"), TenancyTables::emailTaken)
                    .uniqueExpression("users_email_lower_key", "email", "lower(email COLLATE \"C\")",
                            email -> Emails.key((String) email), TenancyTables::emailTaken)
                    .creates((n, id, now) -> new User(new UserId(id), n.email(), n.name(), n.passwordHash(), n.region(),
                            n.timezone(), n.languagePreference(), n.profilePictureUrl(), UserStatus.ACTIVE, now, now, null,
                            null, null, null, 0, n.preferences(), now, 0))
                    .reads(r -> new User(new UserId(r.uuid("user_id")), r.text("email"), r.text("name"),
                            r.text("hashed_password") == null ? null : new PasswordHash(r.text("hashed_password")),
                            r.text("region"), r.text("timezone"), r.text("language_preference"), r.text("profile_picture_url"),
                            UserStatus.of("status", r.text("account_status")), r.instant("created_at"),
                            r.instant("last_active_at"), r.json("memory_profile"), r.json("knowledge_graph_schema"),
                            r.json("next_conversation_context_package"), r.instant("last_cycle_started_at"),
                            r.integer("concepts_created_in_cycle"), r.json("preferences"), r.instant("updated_at"),
                            r.longValue("version")));

    /** What a taken email says: the caller's own email, as given. */
    private static String emailTaken(List<Object> key) {
        return "email " + key.get(0) + " is already in use";
    }

    /**
     * {@code workspaces} (seed 000), a table of no tenant. The owner cannot be deleted while they own
     * one; deleting a workspace deletes its memberships and projects.
     */
    public static final Table<NewWorkspace, Workspace> WORKSPACES =
            Table.<NewWorkspace, Workspace>of("workspaces", "workspace", WorkspaceRepository.class)
                    .id("id", w -> w.id().value())
                    .column("name", ColumnType.TEXT, false, Workspace::name)
                    .column("owner_id", ColumnType.UUID, false, w -> w.ownerId().value())
                    .column("plan_tier", ColumnType.TEXT, false, w -> w.planTier().spelling())
                    .createdAt("created_at", Workspace::createdAt)
                    .updatedAt("updated_at", false, Workspace::updatedAt)
                    .version(Workspace::version)
                    .referencesAny("owner_id", "users", "user_id", "user", OnDelete.RESTRICT,
                            "user %s still owns a workspace; transfer or delete it first")
                    .creates((n, id, now) -> new Workspace(new WorkspaceId(id), n.name(), n.ownerId(), n.planTier(),
                            now, now, 0))
                    .reads(r -> new Workspace(new WorkspaceId(r.uuid("id")), r.text("name"), new UserId(r.uuid("owner_id")),
                            PlanTier.of("planTier", r.text("plan_tier")), r.instant("created_at"), r.instant("updated_at"),
                            r.longValue("version")));

    /**
     * {@code workspace_members} (seed 000), scoped by workspace and keyed by (workspace, user): a
     * membership's id within its workspace is its user's. Deleting the workspace or the user deletes it.
     */
    public static final Table<NewMembership, Membership> WORKSPACE_MEMBERS =
            Table.<NewMembership, Membership>of("workspace_members", "membership", MemberRepository.class)
                    .tenant("workspace_id", m -> m.workspaceId().value(), "workspaces", "id", "workspace", OnDelete.CASCADE)
                    .idInTenant("user_id", m -> m.userId().value(),
                            k -> "user " + k.get(1) + " in workspace " + k.get(0) + " is already a member")
                    .column("role", ColumnType.TEXT, false, m -> m.role().spelling())
                    .createdAt("created_at", Membership::createdAt)
                    .updatedAt("updated_at", false, Membership::updatedAt)
                    .version(Membership::version)
                    .referencesAny("user_id", "users", "user_id", "user", OnDelete.CASCADE)
                    .creates((n, id, now) -> new Membership(n.workspaceId(), n.userId(), n.role(), now, now, 0))
                    .reads(r -> new Membership(new WorkspaceId(r.uuid("workspace_id")), new UserId(r.uuid("user_id")),
                            Role.of("role", r.text("role")), r.instant("created_at"), r.instant("updated_at"),
                            r.longValue("version")));

    /** {@code projects} (seed 003), scoped by workspace; the key name is unique per workspace. */
    public static final Table<NewProject, Project> PROJECTS =
            Table.<NewProject, Project>of("projects", "project", ProjectRepository.class)
                    .id("id", p -> p.id().value())
                    .tenant("workspace_id", p -> p.workspaceId().value(), "workspaces", "id", "workspace", OnDelete.CASCADE)
                    .column("name", ColumnType.TEXT, false, Project::name)
                    .column("key_name", ColumnType.TEXT, false, Project::keyName)
                    .column("description", ColumnType.TEXT, true, Project::description)
                    .fixed("created_by", ColumnType.UUID, true, p -> p.createdBy() == null ? null : p.createdBy().value())
                    .createdAt("created_at", Project::createdAt)
                    .updatedAt("updated_at", false, Project::updatedAt)
                    .version(Project::version)
                    .referencesAny("created_by", "users", "user_id", "user", OnDelete.SET_NULL)
                    .unique("projects_workspace_id_key_name_key", List.of("workspace_id", "key_name"),
                            k -> "key name " + k.get(1) + " is already used in workspace " + k.get(0))
                    .creates((n, id, now) -> new Project(new ProjectId(id), n.workspaceId(), n.name(), n.keyName(),
                            n.description(), n.createdBy(), now, now, 0))
                    .reads(r -> new Project(new ProjectId(r.uuid("id")), new WorkspaceId(r.uuid("workspace_id")),
                            r.text("name"), r.text("key_name"), r.text("description"),
                            r.uuid("created_by") == null ? null : new UserId(r.uuid("created_by")),
                            r.instant("created_at"), r.instant("updated_at"), r.longValue("version")));

    /** {@code user_sessions} (seed 004), scoped by user. */
    public static final Table<NewUserSession, UserSession> USER_SESSIONS =
            Table.<NewUserSession, UserSession>of("user_sessions", "session", UserSessionRepository.class)
                    .id("session_id", s -> s.id().value())
                    .tenant("user_id", s -> s.userId().value(), "users", "user_id", "user", OnDelete.CASCADE)
                    .column("device_info", ColumnType.JSON, true, UserSession::deviceInfo)
                    .fixed("ip_address", ColumnType.TEXT, true, UserSession::ipAddress)
                    .fixed("user_agent", ColumnType.TEXT, true, UserSession::userAgent)
                    .createdAt("created_at", UserSession::createdAt)
                    .column("expires_at", ColumnType.INSTANT, false, UserSession::expiresAt)
                    .updatedAt("last_active_at", false, UserSession::lastActiveAt)
                    .version(UserSession::version)
                    .creates((n, id, now) -> new UserSession(new SessionId(id), n.userId(), n.deviceInfo(), n.ipAddress(),
                            n.userAgent(), now, n.expiresAt(), now, 0))
                    .reads(r -> new UserSession(new SessionId(r.uuid("session_id")), new UserId(r.uuid("user_id")),
                            r.json("device_info"), r.text("ip_address"), r.text("user_agent"), r.instant("created_at"),
                            r.instant("expires_at"), r.instant("last_active_at"), r.longValue("version")));

    /** Every declared table of the context, parents before children. */
    public static final List<Table<?, ?>> ALL = List.of(USERS, WORKSPACES, WORKSPACE_MEMBERS, PROJECTS, USER_SESSIONS);
}
