package io.plinth.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plinth.core.ConflictException;
import io.plinth.core.NotFoundException;
import io.plinth.core.PageRequest;
import io.plinth.core.Pages;
import io.plinth.tenancy.Membership;
import io.plinth.tenancy.Role;
import io.plinth.tenancy.User;
import io.plinth.tenancy.UserId;
import io.plinth.tenancy.Workspace;
import io.plinth.tenancy.WorkspaceId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The behaviour of {@link io.plinth.tenancy.MemberRepository}, on every backend. */
public abstract class MemberContract extends StoreContract {

    @Test
    void addGetUpdateAndRemoveAMember() {
        Workspace workspace = newWorkspace("Guild");
        User user = newUser("Apprentice");
        Membership added = store.members().add(workspace.id(), user.id(), Role.OPERATOR);
        assertEquals(added, store.members().get(workspace.id(), user.id()));
        Membership promoted = store.members().update(added.withRole(Role.MANAGER));
        assertEquals(Role.MANAGER, promoted.role());
        assertEquals(1, promoted.version());
        assertFailsAndWritesNothing(ConflictException.class, () -> store.members().update(added.withRole(Role.AUDITOR)));
        store.members().remove(workspace.id(), user.id());
        assertTrue(store.members().find(workspace.id(), user.id()).isEmpty());
        assertFailsAndWritesNothing(NotFoundException.class, () -> store.members().remove(workspace.id(), user.id()));
    }

    @Test
    void aUserIsAMemberAtMostOnce() {
        Workspace workspace = newWorkspace("Guild");
        User user = newUser("Twice");
        store.members().add(workspace.id(), user.id(), Role.OPERATOR);
        assertFailsAndWritesNothing(ConflictException.class, () -> store.members().add(workspace.id(), user.id(), Role.ADMIN));
    }

    @Test
    void unknownWorkspaceOrUserIsNotFound() {
        Workspace workspace = newWorkspace("Guild");
        User user = newUser("Someone");
        assertFailsAndWritesNothing(NotFoundException.class,
                () -> store.members().add(WorkspaceId.generate(), user.id(), Role.OPERATOR));
        assertFailsAndWritesNothing(NotFoundException.class,
                () -> store.members().add(workspace.id(), UserId.generate(), Role.OPERATOR));
        assertFailsAndWritesNothing(NotFoundException.class, () -> store.members().get(workspace.id(), user.id()));
    }

    @Test
    void theOwnerCannotLeave() {
        Workspace workspace = newWorkspace("Guild");
        assertFailsAndWritesNothing(ConflictException.class, () -> store.members().remove(workspace.id(), workspace.ownerId()));
    }

    @Test
    void membersAreListedPerWorkspaceInPages() {
        Workspace workspace = newWorkspace("Big");
        Workspace other = newWorkspace("Other");
        Set<UserId> expected = new java.util.HashSet<>(Set.of(workspace.ownerId()));
        for (int i = 0; i < 5; i++) {
            User user = newUser("M" + i);
            store.members().add(workspace.id(), user.id(), Role.values()[i % Role.values().length]);
            expected.add(user.id());
        }
        store.members().add(other.id(), newUser("Elsewhere").id(), Role.ADMIN);
        List<Membership> seen = Pages.stream(request -> store.members().list(workspace.id(), request),
                PageRequest.first(4)).toList();
        assertEquals(6, seen.size());
        assertEquals(expected, seen.stream().map(Membership::userId).collect(Collectors.toSet()));
        assertTrue(seen.stream().allMatch(m -> m.workspaceId().equals(workspace.id())));
    }

    @Test
    void badInputIsRejectedNamingTheField() {
        Workspace workspace = newWorkspace("Guild");
        User user = newUser("Someone");
        assertInvalid("role", () -> store.members().add(workspace.id(), user.id(), null));
        assertInvalid("workspaceId", () -> store.members().add(null, user.id(), Role.ADMIN));
        assertInvalid("userId", () -> store.members().add(workspace.id(), null, Role.ADMIN));
        assertInvalid("role", () -> io.plinth.core.Check.enumValue("role", Role.class, "OWNER"));
    }
}
