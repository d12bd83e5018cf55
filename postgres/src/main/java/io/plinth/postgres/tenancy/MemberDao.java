package io.plinth.postgres.tenancy;

import io.plinth.tenancy.Membership;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL of {@link PgMemberRepository} (and of the owner's membership made with a workspace). */
interface MemberDao {
    String COLUMNS = "workspace_id, user_id, role, created_at, updated_at, version";

    @SqlQuery("INSERT INTO workspace_members (workspace_id, user_id, role, created_at, updated_at, version) "
            + "VALUES (:workspaceId, :userId, :role, :now, :now, 0) RETURNING " + COLUMNS)
    Membership insert(@Bind("workspaceId") UUID workspaceId, @Bind("userId") UUID userId,
                      @Bind("role") String role, @Bind("now") Instant now);

    @SqlQuery("SELECT " + COLUMNS + " FROM workspace_members WHERE workspace_id = :workspaceId AND user_id = :userId")
    Optional<Membership> find(@Bind("workspaceId") UUID workspaceId, @Bind("userId") UUID userId);

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM workspace_members WHERE workspace_id = :workspaceId AND user_id = :userId)")
    boolean exists(@Bind("workspaceId") UUID workspaceId, @Bind("userId") UUID userId);

    @SqlQuery("UPDATE workspace_members SET role = :role, updated_at = :now, version = version + 1 "
            + "WHERE workspace_id = :workspaceId AND user_id = :userId AND version = :version RETURNING " + COLUMNS)
    Optional<Membership> update(@Bind("workspaceId") UUID workspaceId, @Bind("userId") UUID userId,
                                @Bind("version") long version, @Bind("role") String role, @Bind("now") Instant now);

    /** Deletes the membership unless the user owns the workspace. */
    @SqlUpdate("DELETE FROM workspace_members WHERE workspace_id = :workspaceId AND user_id = :userId "
            + "AND NOT EXISTS (SELECT 1 FROM workspaces w WHERE w.id = :workspaceId AND w.owner_id = :userId)")
    int deleteUnlessOwner(@Bind("workspaceId") UUID workspaceId, @Bind("userId") UUID userId);

    @SqlQuery("SELECT " + COLUMNS + " FROM workspace_members WHERE workspace_id = :workspaceId AND user_id > :after "
            + "ORDER BY user_id LIMIT :limit")
    List<Membership> list(@Bind("workspaceId") UUID workspaceId, @Bind("after") UUID after, @Bind("limit") int limit);
}
