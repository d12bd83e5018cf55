package io.plinth.testkit.tenancy;

import io.plinth.tenancy.NewProject;
import io.plinth.tenancy.Project;
import io.plinth.tenancy.ProjectId;
import io.plinth.tenancy.ProjectRepository;
import io.plinth.tenancy.TenancyTables;
import io.plinth.tenancy.WorkspaceId;
import io.plinth.testkit.MemCrudRepository;
import io.plinth.testkit.Tables;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/** In-memory {@link ProjectRepository}: the declared calls, and the look-up by key name through its unique key. */
public final class MemProjectRepository extends MemCrudRepository<WorkspaceId, ProjectId, NewProject, Project>
        implements ProjectRepository {
    public MemProjectRepository(Tables tables, Supplier<Instant> now) {
        super(tables, TenancyTables.PROJECTS, now);
    }

    @Override
    public Optional<Project> findByKeyName(WorkspaceId workspaceId, String keyName) {
        UUID id = rows.findByKey("projects_workspace_id_key_name_key", List.of(workspaceId.value(), keyName));
        return Optional.ofNullable(id == null ? null : rows.get(id));
    }
}
