package io.plinth.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plinth.core.ConflictException;
import io.plinth.core.InvalidInputException;
import io.plinth.core.NotFoundException;
import io.plinth.core.Page;
import io.plinth.core.PageRequest;
import io.plinth.core.Pages;
import io.plinth.tenancy.NewProject;
import io.plinth.tenancy.NewUser;
import io.plinth.tenancy.NewUserSession;
import io.plinth.tenancy.NewWorkspace;
import io.plinth.tenancy.PasswordHash;
import io.plinth.tenancy.Project;
import io.plinth.tenancy.Role;
import io.plinth.tenancy.User;
import io.plinth.tenancy.UserId;
import io.plinth.tenancy.UserStatus;
import io.plinth.tenancy.Workspace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The behaviour of {@link io.plinth.tenancy.UserRepository}, on every backend. */
public abstract class UserContract extends StoreContract {

    @Test
    void createdUserReadsBackWithStoreTimesAndVersionZero() {
        User user = store.users().create(new NewUser("ada@example.com", "Ada Lovelace", new PasswordHash("$2a$10$abc")));
        assertEquals(clock.instant(), user.createdAt());
        assertEquals(clock.instant(), user.updatedAt());
        assertEquals(0, user.version());
        assertEquals(UserStatus.ACTIVE, user.status());
        assertEquals(user, store.users().get(user.id()));
        assertEquals(new PasswordHash("$2a$10$abc"), store.users().get(user.id()).passwordHash());
    }

    @Test
    void passwordHashIsNeverPrinted() {
        User user = store.users().create(new NewUser("grace@example.com", "Grace", new PasswordHash("s3cr3t-hash")));
        assertFalse(user.toString().contains("s3cr3t-hash"), user.toString());
    }

    @Test
    void emailIsUniqueIgnoringCase() {
        store.users().create(NewUser.of("Ada@Example.com", "Ada"));
        assertFailsAndWritesNothing(ConflictException.class,
                () -> store.users().create(NewUser.of("ada@EXAMPLE.com", "Another Ada")));
    }

    @Test
    void findByEmailIgnoresCase() {
        User user = store.users().create(NewUser.of("Alan@Example.com", "Alan"));
        assertEquals(user, store.users().findByEmail("alan@example.COM").orElseThrow());
        assertTrue(store.users().findByEmail("nobody@example.com").isEmpty());
    }

    @Test
    void updateBumpsVersionAndUpdatedAt() {
        User user = newUser("Edsger");
        clock.advance(Duration.ofMinutes(5));
        User renamed = store.users().update(user.withName("E. W. Dijkstra").withStatus(UserStatus.SUSPENDED));
        assertEquals(1, renamed.version());
        assertEquals("E. W. Dijkstra", renamed.name());
        assertEquals(UserStatus.SUSPENDED, renamed.status());
        assertEquals(user.createdAt(), renamed.createdAt());
        assertEquals(clock.instant(), renamed.updatedAt());
        assertEquals(renamed, store.users().get(user.id()));
    }

    @Test
    void staleUpdateIsAConflict() {
        User user = newUser("Barbara");
        store.users().update(user.withName("Barbara Liskov"));
        assertFailsAndWritesNothing(ConflictException.class, () -> store.users().update(user.withName("B. Liskov")));
    }

    @Test
    void updateOfAMissingUserIsNotFound() {
        User ghost = newUser("Ghost");
        store.users().delete(ghost.id());
        assertFailsAndWritesNothing(NotFoundException.class, () -> store.users().update(ghost.withName("Boo")));
    }

    @Test
    void updateToATakenEmailIsAConflict() {
        User first = newUser("First");
        User second = newUser("Second");
        assertFailsAndWritesNothing(ConflictException.class,
                () -> store.users().update(second.withEmail(first.email().toUpperCase())));
    }

    @Test
    void deleteCascadesToSessionsAndMembershipsAndClearsProjectCreator() {
        Workspace workspace = newWorkspace("Forge");
        User user = newUser("Leaving");
        store.members().add(workspace.id(), user.id(), Role.OPERATOR);
        store.sessions().create(new NewUserSession(user.id(), null, "10.0.0.1", "curl", clock.instant().plusSeconds(60)));
        Project project = store.projects().create(new NewProject(workspace.id(), "Anvil", "ANVIL", null, user.id()));

        store.users().delete(user.id());

        assertTrue(store.users().find(user.id()).isEmpty());
        assertTrue(store.members().find(workspace.id(), user.id()).isEmpty());
        assertTrue(store.sessions().list(user.id(), PageRequest.first()).items().isEmpty());
        assertNull(store.projects().get(workspace.id(), project.id()).createdBy());
    }

    @Test
    void aUserWhoOwnsAWorkspaceCannotBeDeleted() {
        User owner = newUser("Owner");
        store.workspaces().create(NewWorkspace.of("Kept", owner.id()));
        assertFailsAndWritesNothing(ConflictException.class, () -> store.users().delete(owner.id()));
    }

    @Test
    void missingUsersAreNotFound() {
        UserId unknown = UserId.generate();
        assertThrows(NotFoundException.class, () -> store.users().get(unknown));
        assertTrue(store.users().find(unknown).isEmpty());
        assertFailsAndWritesNothing(NotFoundException.class, () -> store.users().delete(unknown));
    }

    @Test
    void listPagesThroughAllUsersInIdOrderWithoutGapsOrRepeats() {
        List<UserId> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            created.add(newUser("U" + i).id());
        }
        List<Page<User>> pages = Pages.pages(store.users()::list, PageRequest.first(3)).toList();
        List<UserId> seen = pages.stream().flatMap(page -> page.items().stream()).map(User::id).toList();
        assertEquals(List.of(3, 3, 1), pages.stream().map(page -> page.items().size()).toList());
        List<UserId> expected = new ArrayList<>(created);
        expected.sort((a, b) -> io.plinth.core.Ids.ORDER.compare(a.value(), b.value()));
        assertEquals(expected, seen);
    }

    @Test
    void textThatLooksLikeSqlIsStoredVerbatim() {
        String name = "Robert'); DROP TABLE users; --";
        User user = store.users().create(NewUser.of("bobby+tables@example.com", name));
        assertEquals(name, store.users().get(user.id()).name());
        assertTrue(store.users().findByEmail("' OR '1'='1").isEmpty());
        assertEquals(1, store.users().list(PageRequest.first()).items().size());
    }

    @Test
    void badInputIsRejectedNamingTheField() {
        assertInvalid("email", () -> store.users().create(NewUser.of(null, "Nobody")));
        assertInvalid("email", () -> store.users().create(NewUser.of("   ", "Nobody")));
        assertInvalid("email", () -> store.users().create(NewUser.of("not-an-email", "Nobody")));
        assertInvalid("email", () -> store.users().create(NewUser.of("a@b", "Nobody")));
        assertInvalid("email", () -> store.users().create(NewUser.of("x".repeat(250) + "@example.com", "Long")));
        assertInvalid("name", () -> store.users().create(NewUser.of("long@example.com", "n".repeat(User.MAX_NAME + 1))));
        assertInvalid("name", () -> store.users().create(NewUser.of("nul@example.com", "nul\0byte")));
        assertInvalid("name", () -> store.users().create(NewUser.of("blank@example.com", " ")));
        assertInvalid("passwordHash", () -> store.users().create(new NewUser("p@example.com", "P", new PasswordHash(""))));
        assertInvalid("userId", () -> store.users().get(UserId.parse("not-a-uuid")));
        assertInvalid("userId", () -> store.users().get(UserId.parse("0190a5c2-7b1e-7cc3-9a4e-3f2b1c0d9e8fXX")));
        assertInvalid("status", () -> io.plinth.core.Check.enumValue("status", UserStatus.class, "superuser"));
        assertInvalid("after", () -> store.users().list(new PageRequest("not a cursor!", 10)));
        assertInvalid("limit", () -> store.users().list(PageRequest.first(0)));
        assertInvalid("limit", () -> store.users().list(PageRequest.first(PageRequest.MAX_LIMIT + 1)));
        User user = newUser("Valid");
        InvalidInputException error = assertInvalid("email", () -> store.users().update(user.withEmail("broken")));
        assertTrue(error.getMessage().startsWith("email:"), error.getMessage());
    }
}
