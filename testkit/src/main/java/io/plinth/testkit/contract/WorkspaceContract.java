package io.plinth.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plinth.core.Check;
import io.plinth.core.ConflictException;
import io.plinth.core.NotFoundException;
import io.plinth.core.PageRequest;
import io.plinth.tenancy.Membership;
import io.plinth.tenancy.NewProject;
import io.plinth.tenancy.NewWorkspace;
import io.plinth.tenancy.PlanTier;
import io.plinth.tenancy.Project;
import io.plinth.tenancy.Role;
import io.plinth.tenancy.User;
import io.plinth.tenancy.UserId;
import io.plinth.tenancy.Workspace;
import io.plinth.tenancy.WorkspaceId;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The behaviour of {@link io.plinth.tenancy.WorkspaceRepository}, on every backend. */
public abstract class WorkspaceContract extends StoreContract {

    @Test
    void createMakesTheOwnerAnAdminMember() {
        User owner = newUser("Owner");
        Workspace workspace = store.workspaces().create(new NewWorkspace("Obsidian Forge", owner.id(), PlanTier.ARTISAN));
        assertEquals(workspace, store.workspaces().get(workspace.id()));
        assertEquals(PlanTier.ARTISAN, workspace.planTier());
        assertEquals(0, workspace.version());
        Membership membership = store.members().get(workspace.id(), owner.id());
        assertEquals(Role.ADMIN, membership.role());
    }

    @Test
    void theOwnerMustExist() {
        assertFailsAndWritesNothing(NotFoundException.class,
                () -> store.workspaces().create(NewWorkspace.of("Orphan", UserId.generate())));
    }

    @Test
    void updateChangesNameAndPlanAndBumpsTheVersion() {
        Workspace workspace = newWorkspace("Before");
        clock.advance(Duration.ofHours(1));
        Workspace updated = store.workspaces().update(workspace.withName("After").withPlanTier(PlanTier.PRIESTHOOD));
        assertEquals("After", updated.name());
        assertEquals(PlanTier.PRIESTHOOD, updated.planTier());
        assertEquals(1, updated.version());
        assertEquals(clock.instant(), updated.updatedAt());
        assertEquals(updated, store.workspaces().get(workspace.id()));
        assertFailsAndWritesNothing(ConflictException.class, () -> store.workspaces().update(workspace.withName("Stale")));
    }

    @Test
    void ownershipPassesOnlyToAMember() {
        Workspace workspace = newWorkspace("Handover");
        User outsider = newUser("Outsider");
        assertFailsAndWritesNothing(ConflictException.class,
                () -> store.workspaces().update(workspace.withOwnerId(outsider.id())));
        store.members().add(workspace.id(), outsider.id(), Role.MANAGER);
        Workspace handed = store.workspaces().update(workspace.withOwnerId(outsider.id()));
        assertEquals(outsider.id(), handed.ownerId());
    }

    @Test
    void deleteCascadesToMembersAndProjects() {
        Workspace workspace = newWorkspace("Doomed");
        User member = newUser("Member");
        store.members().add(workspace.id(), member.id(), Role.AUDITOR);
        Project project = store.projects().create(new NewProject(workspace.id(), "P", "P1", null, null));
        Workspace other = newWorkspace("Survivor");

        store.workspaces().delete(workspace.id());

        assertTrue(store.workspaces().find(workspace.id()).isEmpty());
        assertTrue(store.members().list(workspace.id(), PageRequest.first()).items().isEmpty());
        assertTrue(store.projects().find(workspace.id(), project.id()).isEmpty());
        assertTrue(store.users().find(member.id()).isPresent(), "users outlive their workspaces");
        assertEquals(other, store.workspaces().get(other.id()));
        assertFailsAndWritesNothing(NotFoundException.class, () -> store.workspaces().delete(workspace.id()));
    }

    @Test
    void listForUserShowsOnlyTheWorkspacesTheUserBelongsTo() {
        User user = newUser("Joiner");
        Workspace a = newWorkspace("A");
        Workspace b = newWorkspace("B");
        newWorkspace("C");
        store.members().add(a.id(), user.id(), Role.OPERATOR);
        store.members().add(b.id(), user.id(), Role.AUDITOR);
        List<WorkspaceId> ids = store.workspaces().listForUser(user.id(), PageRequest.first()).items().stream()
                .map(Workspace::id).toList();
        assertEquals(List.of(a.id(), b.id()), ids);
        assertEquals(1, store.workspaces().listForUser(user.id(), PageRequest.first(1)).items().size());
        assertEquals(3, store.workspaces().list(PageRequest.first()).items().size());
    }

    @Test
    void badInputIsRejectedNamingTheField() {
        User owner = newUser("Owner");
        assertInvalid("name", () -> store.workspaces().create(NewWorkspace.of(null, owner.id())));
        assertInvalid("name", () -> store.workspaces().create(NewWorkspace.of("", owner.id())));
        assertInvalid("name", () -> store.workspaces().create(NewWorkspace.of("w".repeat(Workspace.MAX_NAME + 1), owner.id())));
        assertInvalid("ownerId", () -> store.workspaces().create(NewWorkspace.of("No owner", null)));
        assertInvalid("planTier", () -> store.workspaces().create(new NewWorkspace("No plan", owner.id(), null)));
        assertInvalid("planTier", () -> Check.enumValue("planTier", PlanTier.class, "Gold"));
        assertInvalid("workspaceId", () -> store.workspaces().get(WorkspaceId.parse("42")));
        assertThrows(NotFoundException.class, () -> store.workspaces().get(WorkspaceId.generate()));
    }
}
