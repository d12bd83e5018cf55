package io.plinth.postgres.tenancy;

import io.plinth.tenancy.Project;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL of {@link PgProjectRepository}. Every statement is scoped by {@code workspace_id}. */
interface ProjectDao {
    String COLUMNS = "id, workspace_id, name, key_name, description, created_by, created_at, updated_at, version";

    @SqlQuery("INSERT INTO projects (id, workspace_id, name, key_name, description, created_by, created_at, updated_at, version) "
            + "VALUES (:id, :workspaceId, :name, :keyName, :description, :createdBy, :now, :now, 0) RETURNING " + COLUMNS)
    Project insert(@Bind("id") UUID id, @Bind("workspaceId") UUID workspaceId, @Bind("name") String name,
                   @Bind("keyName") String keyName, @Bind("description") String description,
                   @Bind("createdBy") UUID createdBy, @Bind("now") Instant now);

    @SqlQuery("SELECT " + COLUMNS + " FROM projects WHERE workspace_id = :workspaceId AND id = :id")
    Optional<Project> find(@Bind("workspaceId") UUID workspaceId, @Bind("id") UUID id);

    @SqlQuery("SELECT " + COLUMNS + " FROM projects WHERE workspace_id = :workspaceId AND key_name = :keyName")
    Optional<Project> findByKeyName(@Bind("workspaceId") UUID workspaceId, @Bind("keyName") String keyName);

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM projects WHERE workspace_id = :workspaceId AND id = :id)")
    boolean exists(@Bind("workspaceId") UUID workspaceId, @Bind("id") UUID id);

    /** Saves name, key name and description; who created the project and when never change. */
    @SqlQuery("UPDATE projects SET name = :name, key_name = :keyName, description = :description, "
            + "updated_at = :now, version = version + 1 "
            + "WHERE workspace_id = :workspaceId AND id = :id AND version = :version RETURNING " + COLUMNS)
    Optional<Project> update(@Bind("workspaceId") UUID workspaceId, @Bind("id") UUID id,
                             @Bind("version") long version, @Bind("name") String name,
                             @Bind("keyName") String keyName, @Bind("description") String description,
                             @Bind("now") Instant now);

    @SqlUpdate("DELETE FROM projects WHERE workspace_id = :workspaceId AND id = :id")
    int delete(@Bind("workspaceId") UUID workspaceId, @Bind("id") UUID id);

    @SqlQuery("SELECT " + COLUMNS + " FROM projects WHERE workspace_id = :workspaceId AND id > :after "
            + "ORDER BY id LIMIT :limit")
    List<Project> list(@Bind("workspaceId") UUID workspaceId, @Bind("after") UUID after, @Bind("limit") int limit);
}
