package io.plinth.postgres.tenancy;

import io.plinth.core.Check;
import io.plinth.core.Page;
import io.plinth.core.PageRequest;
import io.plinth.postgres.sql.Rows;
import io.plinth.tenancy.NewProject;
import io.plinth.tenancy.Project;
import io.plinth.tenancy.ProjectId;
import io.plinth.tenancy.ProjectRepository;
import io.plinth.tenancy.WorkspaceId;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * {@link ProjectRepository} on table {@code projects}; every statement is scoped by
 * {@code workspace_id}, so another workspace's project is never found.
 */
public final class PgProjectRepository implements ProjectRepository {
    private final ProjectDao dao;
    private final Supplier<Instant> now;

    /** Binds the repository to the handle of one unit of work; {@code now} is the store's clock. */
    public PgProjectRepository(Handle handle, Supplier<Instant> now) {
        this.dao = handle.attach(ProjectDao.class);
        this.now = now;
    }

    @Override
    public Project create(NewProject project) {
        Check.required("project", project);
        return dao.insert(ProjectId.generate().value(), project.workspaceId().value(), project.name(),
                project.keyName(), project.description(),
                project.createdBy() == null ? null : project.createdBy().value(), now.get());
    }

    @Override
    public Project get(WorkspaceId workspaceId, ProjectId id) {
        return Rows.found(find(workspaceId, id), "project", id);
    }

    @Override
    public Optional<Project> find(WorkspaceId workspaceId, ProjectId id) {
        Check.required("workspaceId", workspaceId);
        Check.required("id", id);
        return dao.find(workspaceId.value(), id.value());
    }

    @Override
    public Optional<Project> findByKeyName(WorkspaceId workspaceId, String keyName) {
        Check.required("workspaceId", workspaceId);
        Check.required("keyName", keyName);
        return dao.findByKeyName(workspaceId.value(), keyName);
    }

    @Override
    public Project update(Project project) {
        Check.required("project", project);
        return Rows.updated(dao.update(project.workspaceId().value(), project.id().value(), project.version(),
                        project.name(), project.keyName(), project.description(), now.get()),
                "project", project.id(), () -> dao.exists(project.workspaceId().value(), project.id().value()));
    }

    @Override
    public void delete(WorkspaceId workspaceId, ProjectId id) {
        Check.required("workspaceId", workspaceId);
        Check.required("id", id);
        Rows.deleted(dao.delete(workspaceId.value(), id.value()), "project", id);
    }

    @Override
    public Page<Project> list(WorkspaceId workspaceId, PageRequest page) {
        Check.required("workspaceId", workspaceId);
        Check.required("page", page);
        return Rows.page(page, (after, limit) -> dao.list(workspaceId.value(), after, limit), p -> p.id().value());
    }
}
