package io.plinth.postgres.tenancy;

import io.plinth.postgres.PgCrudRepository;
import io.plinth.tenancy.NewProject;
import io.plinth.tenancy.Project;
import io.plinth.tenancy.ProjectId;
import io.plinth.tenancy.ProjectRepository;
import io.plinth.tenancy.TenancyTables;
import io.plinth.tenancy.WorkspaceId;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import io.plinth.postgres.PgSession;
import org.jdbi.v3.core.Handle;

/** {@link ProjectRepository} on table {@code projects}: the declared calls, and the look-up by key name. */
public final class PgProjectRepository extends PgCrudRepository<WorkspaceId, ProjectId, NewProject, Project>
        implements ProjectRepository {
    /** Binds the repository to the session of one unit of work; {@code now} is the store's clock. */
    public PgProjectRepository(PgSession session, Supplier<Instant> now) {
        super(session, TenancyTables.PROJECTS, now);
    }

    @Override
    public Optional<Project> findByKeyName(WorkspaceId workspaceId, String keyName) {
        return handle().createQuery(sql.selectWhere("workspace_id = :workspaceId AND key_name = :keyName"))
                .bind("workspaceId", workspaceId.value()).bind("keyName", keyName).map(sql.mapper()).findOne();
    }
}
