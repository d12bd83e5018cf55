package io.plinth.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plinth.core.ConflictException;
import io.plinth.core.NotFoundException;
import io.plinth.core.PageRequest;
import io.plinth.tenancy.NewProject;
import io.plinth.tenancy.Project;
import io.plinth.tenancy.ProjectId;
import io.plinth.tenancy.UserId;
import io.plinth.tenancy.Workspace;
import io.plinth.tenancy.WorkspaceId;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The behaviour of {@link io.plinth.tenancy.ProjectRepository}, on every backend. */
public abstract class ProjectContract extends StoreContract {

    private Project newProject(Workspace workspace, String key) {
        return store.projects().create(new NewProject(workspace.id(), "Project " + key, key, "About " + key, workspace.ownerId()));
    }

    @Test
    void createGetFindByKeyAndUpdate() {
        Workspace workspace = newWorkspace("Prism");
        Project project = newProject(workspace, "PRISM");
        assertEquals(project, store.projects().get(workspace.id(), project.id()));
        assertEquals(project, store.projects().findByKeyName(workspace.id(), "PRISM").orElseThrow());
        assertEquals(workspace.ownerId(), project.createdBy());
        clock.advance(Duration.ofSeconds(30));
        Project updated = store.projects().update(project.withName("Prism 2").withKeyName("PRISM2").withDescription(null));
        assertEquals("PRISM2", updated.keyName());
        assertEquals(null, updated.description());
        assertEquals(1, updated.version());
        assertEquals(clock.instant(), updated.updatedAt());
        assertEquals(updated, store.projects().get(workspace.id(), project.id()));
        assertFailsAndWritesNothing(ConflictException.class, () -> store.projects().update(project.withName("stale")));
    }

    @Test
    void keyNameIsUniqueWithinAWorkspaceOnly() {
        Workspace a = newWorkspace("A");
        Workspace b = newWorkspace("B");
        newProject(a, "CORE");
        Project other = newProject(a, "EDGE");
        assertEquals("CORE", newProject(b, "CORE").keyName());
        assertFailsAndWritesNothing(ConflictException.class, () -> newProject(a, "CORE"));
        assertFailsAndWritesNothing(ConflictException.class, () -> store.projects().update(other.withKeyName("CORE")));
    }

    @Test
    void anotherWorkspacesProjectIsNotFound() {
        Workspace mine = newWorkspace("Mine");
        Workspace theirs = newWorkspace("Theirs");
        Project secret = newProject(theirs, "SECRET");
        assertThrows(NotFoundException.class, () -> store.projects().get(mine.id(), secret.id()));
        assertTrue(store.projects().find(mine.id(), secret.id()).isEmpty());
        assertTrue(store.projects().findByKeyName(mine.id(), "SECRET").isEmpty());
        assertTrue(store.projects().list(mine.id(), PageRequest.first()).items().isEmpty());
        Project forged = new Project(secret.id(), mine.id(), "Hijacked", "SECRET", null, null,
                secret.createdAt(), secret.updatedAt(), secret.version());
        assertFailsAndWritesNothing(NotFoundException.class, () -> store.projects().update(forged));
        assertFailsAndWritesNothing(NotFoundException.class, () -> store.projects().delete(mine.id(), secret.id()));
        assertEquals(secret, store.projects().get(theirs.id(), secret.id()));
    }

    @Test
    void referencesMustExist() {
        Workspace workspace = newWorkspace("Refs");
        assertFailsAndWritesNothing(NotFoundException.class,
                () -> store.projects().create(new NewProject(WorkspaceId.generate(), "P", "P", null, null)));
        assertFailsAndWritesNothing(NotFoundException.class,
                () -> store.projects().create(new NewProject(workspace.id(), "P", "P", null, UserId.generate())));
    }

    @Test
    void deleteRemovesTheProject() {
        Workspace workspace = newWorkspace("Del");
        Project project = newProject(workspace, "GONE");
        store.projects().delete(workspace.id(), project.id());
        assertTrue(store.projects().find(workspace.id(), project.id()).isEmpty());
        assertFailsAndWritesNothing(NotFoundException.class, () -> store.projects().delete(workspace.id(), project.id()));
    }

    @Test
    void badInputIsRejectedNamingTheField() {
        Workspace workspace = newWorkspace("Bad");
        WorkspaceId ws = workspace.id();
        assertInvalid("keyName", () -> store.projects().create(new NewProject(ws, "P", "lower", null, null)));
        assertInvalid("keyName", () -> store.projects().create(new NewProject(ws, "P", "1ABC", null, null)));
        assertInvalid("keyName", () -> store.projects().create(new NewProject(ws, "P", "K".repeat(51), null, null)));
        assertInvalid("keyName", () -> store.projects().create(new NewProject(ws, "P", "KEY'; DROP TABLE projects;--", null, null)));
        assertInvalid("keyName", () -> store.projects().create(new NewProject(ws, "P", null, null, null)));
        assertInvalid("name", () -> store.projects().create(new NewProject(ws, " ", "KEY", null, null)));
        assertInvalid("description", () -> store.projects().create(
                new NewProject(ws, "P", "KEY", "d".repeat(Project.MAX_DESCRIPTION + 1), null)));
        assertInvalid("workspaceId", () -> store.projects().create(new NewProject(null, "P", "KEY", null, null)));
        assertInvalid("projectId", () -> store.projects().get(ws, ProjectId.parse("zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz")));
        String sqlish = "'; DELETE FROM projects; --";
        Project stored = store.projects().create(new NewProject(ws, sqlish, "SAFE", sqlish, null));
        assertEquals(sqlish, store.projects().get(ws, stored.id()).description());
    }
}
