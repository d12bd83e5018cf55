package io.plinth.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plinth.core.Check;
import io.plinth.core.ConflictException;
import io.plinth.core.PageRequest;
import io.plinth.ledger.AccountId;
import io.plinth.ledger.TransferId;
import io.plinth.tenancy.NewProject;
import io.plinth.tenancy.NewUser;
import io.plinth.tenancy.NewUserSession;
import io.plinth.tenancy.Role;
import io.plinth.tenancy.User;
import io.plinth.tenancy.UserId;
import io.plinth.tenancy.Workspace;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * The rules every repository call's arguments follow on every backend (see
 * {@code io.plinth.core.internal.RepositoryCalls} and {@link Check}): inputs a store cannot keep as
 * given are refused alike, with an {@link io.plinth.core.InvalidInputException} naming the field
 * or parameter, and nothing written.
 */
public abstract class InputContract extends StoreContract {
    private static final String LONE_HIGH = "\uD800";
    private static final String LONE_LOW = "\uDC00";

    @Test
    void textWithAnUnpairedSurrogateIsRefusedInEveryField() {
        Workspace workspace = newWorkspace("Surrogates");
        assertInvalid("name", () -> store.users().create(NewUser.of("lone@example.com", "Ada " + LONE_HIGH)));
        assertInvalid("email", () -> store.users().create(NewUser.of("lone" + LONE_LOW + "@example.com", "Ada")));
        assertInvalid("description", () -> store.projects().create(
                new NewProject(workspace.id(), "Name", "KEY", "reversed pair " + LONE_LOW + LONE_HIGH, null)));
        assertInvalid("userAgent", () -> store.sessions().create(new NewUserSession(workspace.ownerId(), null, null,
                "agent" + LONE_HIGH, clock.instant().plusSeconds(60))));
    }

    @Test
    void properSurrogatePairsAreKeptExactly() {
        User user = store.users().create(NewUser.of("emoji@example.com", "Ada \uD83D\uDE80 Lovelace"));
        assertEquals("Ada \uD83D\uDE80 Lovelace", store.users().get(user.id()).name());
    }

    @Test
    void lookUpArgumentsFollowTheSameTextRules() {
        Workspace workspace = newWorkspace("Look-ups");
        assertInvalid("email", () -> store.users().findByEmail("a\u0000b@example.com"));
        assertInvalid("email", () -> store.users().findByEmail("a" + LONE_HIGH + "@example.com"));
        assertInvalid("keyName", () -> store.projects().findByKeyName(workspace.id(), "KEY\u0000"));
        assertInvalid("code", () -> store.ledger().findAccount(workspace.id(), LONE_LOW, "XCR"));
        assertInvalid("idempotencyKey", () -> store.ledger().findByKey(workspace.id(), "key\u0000"));
        assertTrue(store.users().findByEmail("nobody@example.com").isEmpty(), "a well-formed look-up still finds nothing");
    }

    @Test
    void aMissingArgumentIsNamedAfterItsParameter() {
        Workspace workspace = newWorkspace("Nulls");
        assertInvalid("userId", () -> store.users().get(null));
        assertInvalid("email", () -> store.users().findByEmail(null));
        assertInvalid("page", () -> store.users().list(null));
        assertInvalid("workspaceId", () -> store.projects().get(null, null));
        assertInvalid("role", () -> store.members().add(workspace.id(), workspace.ownerId(), (Role) null));
        assertInvalid("requests", () -> store.ledger().transferAll(null));
        assertInvalid("transferId", () -> store.ledger().getTransfer(workspace.id(), null));
        assertInvalid("accountId", () -> store.ledger().balanceAt(workspace.id(), null, clock.instant()));
        assertInvalid("at", () -> store.ledger().balanceAt(workspace.id(), AccountId.generate(), null));
        assertInvalid("workspaceId", () -> store.ledger().findByKey(null, "key"));
    }

    @Test
    void instantsOutsidePlinthsRangeAreRefused() {
        Workspace workspace = newWorkspace("Instants");
        AccountId account = AccountId.generate();
        Instant beforeTheCalendar = LocalDateTime.of(-4713, 1, 1, 0, 0).toInstant(ZoneOffset.UTC);
        Instant year10000 = LocalDateTime.of(10_000, 1, 1, 0, 0).toInstant(ZoneOffset.UTC);
        for (Instant outside : new Instant[] {Instant.MIN, Instant.MAX, beforeTheCalendar, year10000,
                Check.MIN_INSTANT.minusNanos(1), Check.MAX_INSTANT.plusNanos(1000)}) {
            assertInvalid("at", () -> store.ledger().balanceAt(workspace.id(), account, outside));
            assertInvalid("expiresAt", () -> store.sessions().create(
                    new NewUserSession(workspace.ownerId(), null, null, null, outside)));
        }
    }

    @Test
    void theEdgesOfTheRangeAreKept() {
        User user = newUser("Far future");
        Instant last = Check.MAX_INSTANT.plusNanos(999);
        assertEquals(Check.MAX_INSTANT, store.sessions().create(
                new NewUserSession(user.id(), null, null, null, last)).expiresAt());
        assertEquals(Check.MAX_INSTANT, store.sessions().list(user.id(), PageRequest.first()).items().get(0).expiresAt());
    }

    @Test
    void subMicrosecondPartsAreTruncatedNeverRounded() {
        User user = newUser("Precise");
        // 999 ns after now truncates to now, which is not in the future; rounding would make it 1 µs later.
        assertInvalid("expiresAt", () -> store.sessions().create(
                new NewUserSession(user.id(), null, null, null, clock.instant().plusNanos(999))));
        Instant expiry = clock.instant().plus(Duration.ofMinutes(1)).plusNanos(999);
        assertEquals(expiry.minusNanos(999), store.sessions().create(
                new NewUserSession(user.id(), null, null, null, expiry)).expiresAt());
    }

    @Test
    void emailsAreTheSameIgnoringTheCaseOfAsciiLettersOnly() {
        User ada = store.users().create(NewUser.of("ada@example.com", "Ada"));
        assertFailsAndWritesNothing(ConflictException.class,
                () -> store.users().create(NewUser.of("ADA@Example.COM", "Ada again")));
        assertEquals(ada, store.users().findByEmail("Ada@EXAMPLE.com").orElseThrow());

        // Outside ASCII, case differs and so do the users: every store and server agrees on that.
        String[][] pairs = {{"\u00e9mile@example.com", "\u00c9MILE@example.com"},       // é / É
                            {"\u0131nan@example.com", "\u0130nan@example.com"},         // dotless ı / dotted İ
                            {"stra\u00dfe@example.com", "STRASSE@example.com"},         // ß / SS
                            {"\u212aelvin@example.com", "kelvin@example.com"}};          // Kelvin sign / k
        for (String[] pair : pairs) {
            User first = store.users().create(NewUser.of(pair[0], null));
            User second = store.users().create(NewUser.of(pair[1], null));
            assertNotEquals(first.id(), second.id());
            assertEquals(first, store.users().findByEmail(pair[0]).orElseThrow());
            assertEquals(second, store.users().findByEmail(pair[1]).orElseThrow());
        }
    }

    @Test
    void anIdThatNamesNothingIsNotFoundNotInvalid() {
        Workspace workspace = newWorkspace("Unknown ids");
        assertTrue(store.users().find(UserId.generate()).isEmpty());
        assertTrue(store.ledger().findByKey(workspace.id(), "never-used").isEmpty());
        assertThrowsNotFound(() -> store.ledger().getTransfer(workspace.id(), TransferId.generate()));
    }

    private void assertThrowsNotFound(org.junit.jupiter.api.function.Executable call) {
        assertFailsAndWritesNothing(io.plinth.core.NotFoundException.class, call);
    }
}
