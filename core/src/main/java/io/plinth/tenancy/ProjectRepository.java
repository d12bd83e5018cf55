package io.plinth.tenancy;

import io.plinth.core.CrudRepository;
import io.plinth.core.ReadOnly;
import java.util.Optional;

/**
 * Projects, scoped by workspace: every call names the workspace, and another workspace's project
 * is {@link io.plinth.core.NotFoundException}. A key name already used in the workspace is a
 * {@link io.plinth.core.ConflictException}; deleting the workspace deletes its projects, deleting
 * their creator clears {@code createdBy}. The declaration is {@link TenancyTables#PROJECTS}.
 */
public interface ProjectRepository extends CrudRepository<WorkspaceId, ProjectId, NewProject, Project> {
    /** The workspace's project with this key name. */
    @ReadOnly
    Optional<Project> findByKeyName(WorkspaceId workspaceId, String keyName);
}
