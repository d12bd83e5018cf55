package io.plinth.postgres.tenancy;

import io.plinth.tenancy.Workspace;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL of {@link PgWorkspaceRepository}. */
interface WorkspaceDao {
    String COLUMNS = "id, name, owner_id, plan_tier, created_at, updated_at, version";

    @SqlQuery("INSERT INTO workspaces (id, name, owner_id, plan_tier, created_at, updated_at, version) "
            + "VALUES (:id, :name, :ownerId, :planTier, :now, :now, 0) RETURNING " + COLUMNS)
    Workspace insert(@Bind("id") UUID id, @Bind("name") String name, @Bind("ownerId") UUID ownerId,
                     @Bind("planTier") String planTier, @Bind("now") Instant now);

    @SqlQuery("SELECT " + COLUMNS + " FROM workspaces WHERE id = :id")
    Optional<Workspace> find(@Bind("id") UUID id);

    /** Updates only while the (new) owner is a member of the workspace. */
    @SqlQuery("UPDATE workspaces SET name = :name, owner_id = :ownerId, plan_tier = :planTier, "
            + "updated_at = :now, version = version + 1 "
            + "WHERE id = :id AND version = :version AND EXISTS (SELECT 1 FROM workspace_members m "
            + "WHERE m.workspace_id = :id AND m.user_id = :ownerId) RETURNING " + COLUMNS)
    Optional<Workspace> update(@Bind("id") UUID id, @Bind("version") long version, @Bind("name") String name,
                               @Bind("ownerId") UUID ownerId, @Bind("planTier") String planTier,
                               @Bind("now") Instant now);

    @SqlUpdate("DELETE FROM workspaces WHERE id = :id")
    int delete(@Bind("id") UUID id);

    @SqlQuery("SELECT " + COLUMNS + " FROM workspaces WHERE id > :after ORDER BY id LIMIT :limit")
    List<Workspace> list(@Bind("after") UUID after, @Bind("limit") int limit);

    @SqlQuery("SELECT w.id, w.name, w.owner_id, w.plan_tier, w.created_at, w.updated_at, w.version "
            + "FROM workspace_members m JOIN workspaces w ON w.id = m.workspace_id "
            + "WHERE m.user_id = :userId AND m.workspace_id > :after ORDER BY m.workspace_id LIMIT :limit")
    List<Workspace> listForUser(@Bind("userId") UUID userId, @Bind("after") UUID after, @Bind("limit") int limit);
}
