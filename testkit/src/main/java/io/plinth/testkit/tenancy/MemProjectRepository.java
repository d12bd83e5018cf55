package io.plinth.testkit.tenancy;

import io.plinth.testkit.Rows;
import io.plinth.testkit.Tables;

import io.plinth.core.Check;
import io.plinth.core.ConflictException;
import io.plinth.core.NotFoundException;
import io.plinth.core.Page;
import io.plinth.core.PageRequest;
import io.plinth.tenancy.NewProject;
import io.plinth.tenancy.Project;
import io.plinth.tenancy.ProjectId;
import io.plinth.tenancy.ProjectRepository;
import io.plinth.tenancy.WorkspaceId;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/** In-memory {@link ProjectRepository}. */
public final class MemProjectRepository implements ProjectRepository {
    private final Tables t;
    private final Supplier<Instant> now;

    public MemProjectRepository(Tables tables, Supplier<Instant> now) {
        this.t = tables;
        this.now = now;
    }

    @Override
    public Project create(NewProject project) {
        Check.required("project", project);
        if (!t.workspaces.containsKey(project.workspaceId().value())) {
            throw new NotFoundException("workspace", project.workspaceId());
        }
        requireFreeKey(project.workspaceId(), project.keyName(), null);
        if (project.createdBy() != null && !t.users.containsKey(project.createdBy().value())) {
            throw new NotFoundException("user", project.createdBy());
        }
        Instant at = now.get();
        Project created = new Project(ProjectId.generate(), project.workspaceId(), project.name(), project.keyName(),
                project.description(), project.createdBy(), at, at, 0);
        t.put(t.projects, created.id().value(), created);
        return created;
    }

    @Override
    public Project get(WorkspaceId workspaceId, ProjectId id) {
        return find(workspaceId, id).orElseThrow(() -> new NotFoundException("project", id));
    }

    @Override
    public Optional<Project> find(WorkspaceId workspaceId, ProjectId id) {
        Check.required("workspaceId", workspaceId);
        Check.required("id", id);
        return Optional.ofNullable(t.projects.get(id.value())).filter(p -> p.workspaceId().equals(workspaceId));
    }

    @Override
    public Optional<Project> findByKeyName(WorkspaceId workspaceId, String keyName) {
        Check.required("workspaceId", workspaceId);
        Check.required("keyName", keyName);
        return t.projects.values().stream()
                .filter(p -> p.workspaceId().equals(workspaceId) && p.keyName().equals(keyName))
                .findFirst();
    }

    @Override
    public Project update(Project project) {
        Check.required("project", project);
        Project stored = find(project.workspaceId(), project.id()).orElse(null);
        Rows.current(stored, stored == null ? -1 : stored.version(), project.version(), "project", project.id());
        requireFreeKey(project.workspaceId(), project.keyName(), project.id());
        Project updated = new Project(project.id(), project.workspaceId(), project.name(), project.keyName(),
                project.description(), stored.createdBy(), stored.createdAt(), now.get(), stored.version() + 1);
        t.put(t.projects, updated.id().value(), updated);
        return updated;
    }

    @Override
    public void delete(WorkspaceId workspaceId, ProjectId id) {
        get(workspaceId, id);
        t.remove(t.projects, id.value());
    }

    @Override
    public Page<Project> list(WorkspaceId workspaceId, PageRequest page) {
        Check.required("workspaceId", workspaceId);
        Check.required("page", page);
        return Rows.page(t.projects.values().stream().filter(p -> p.workspaceId().equals(workspaceId)),
                page, p -> p.id().value());
    }

    private void requireFreeKey(WorkspaceId workspaceId, String keyName, ProjectId except) {
        findByKeyName(workspaceId, keyName).filter(p -> !p.id().equals(except)).ifPresent(p -> {
            throw new ConflictException("key name " + keyName + " is already used in workspace " + workspaceId);
        });
    }
}
