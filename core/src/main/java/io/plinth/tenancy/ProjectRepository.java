package io.plinth.tenancy;

import io.plinth.core.ReadOnly;
import io.plinth.core.Page;
import io.plinth.core.PageRequest;
import java.util.Optional;

/**
 * Projects, scoped by workspace: every call names the workspace, and another workspace's project
 * is {@link io.plinth.core.NotFoundException}.
 */
public interface ProjectRepository {
    /** Creates a project; a key name already used in the workspace is a conflict. */
    Project create(NewProject project);

    @ReadOnly
    Project get(WorkspaceId workspaceId, ProjectId id);

    @ReadOnly
    Optional<Project> find(WorkspaceId workspaceId, ProjectId id);

    @ReadOnly
    Optional<Project> findByKeyName(WorkspaceId workspaceId, String keyName);

    /** Saves changed fields of the project in {@code project.workspaceId()} if its version is current. */
    Project update(Project project);

    void delete(WorkspaceId workspaceId, ProjectId id);

    @ReadOnly
    Page<Project> list(WorkspaceId workspaceId, PageRequest page);
}
