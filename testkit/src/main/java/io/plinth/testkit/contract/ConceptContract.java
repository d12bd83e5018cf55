package io.plinth.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plinth.core.ConflictException;
import io.plinth.core.NotFoundException;
import io.plinth.core.PageRequest;
import io.plinth.memory.Concept;
import io.plinth.memory.ConceptId;
import io.plinth.memory.ConceptStatus;
import io.plinth.memory.Cycle;
import io.plinth.memory.NewConcept;
import io.plinth.tenancy.TenancyTables;
import io.plinth.tenancy.User;
import io.plinth.tenancy.UserId;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Concepts (seed 004) on every backend: unique per user, name and type with one message; merge
 * chains that end at a live concept and never close a cycle, also under concurrent merges; another
 * user's concepts not found; and the user's cycle counter, counted in the creating unit of work.
 */
public abstract class ConceptContract extends StoreContract {
    private static final int THREADS = 8;

    private Concept concept(UserId user, String name) {
        return store.concepts().create(new NewConcept(user, name, "topic", null, null, null));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    // --- uniqueness ---

    @Test
    void aTakenNameAndTypeIsAConflictNamingOnlyTheCallersValues() {
        UserId user = newUser("Ada").id();
        store.concepts().create(new NewConcept(user, "Rome, Italy)=(x", "place, city", null, null, null));
        ConflictException error = assertFailsAndWritesNothing(ConflictException.class, () -> store.concepts()
                .create(new NewConcept(user, "Rome, Italy)=(x", "place, city", "again", 0.5, null)));
        assertEquals("concept Rome, Italy)=(x of type place, city already exists", error.getMessage());
    }

    @Test
    void renamingOntoATakenNameAndTypeIsTheSameConflict() {
        UserId user = newUser("Ada").id();
        concept(user, "Rome, Italy");
        Concept other = concept(user, "Paris");
        ConflictException error = assertFailsAndWritesNothing(ConflictException.class,
                () -> store.concepts().update(other.withName("Rome, Italy")));
        assertEquals("concept Rome, Italy of type topic already exists", error.getMessage());
    }

    @Test
    void aNameAndTypeTooWideForTheUniqueIndexAreInvalidOnEveryStore() {
        UserId user = newUser("Ada").id();
        java.util.Random random = new java.util.Random(7);
        StringBuilder wide = new StringBuilder();
        StringBuilder other = new StringBuilder();
        for (int i = 0; i < 500; i++) {       // 1500 bytes each: CJK characters that do not compress
            wide.append((char) (0x4E00 + random.nextInt(20000)));
            other.append((char) (0x4E00 + random.nextInt(20000)));
        }
        String name = wide.toString();
        String type = other.toString();
        assertInvalid("type", () -> store.concepts().create(new NewConcept(user, name, type, null, null, null)));
        Concept plain = concept(user, "plain");
        assertInvalid("type", () -> store.concepts().update(plain.withName(name).withType(type)));
        assertInvalid("type", () -> store.concepts().update(plain.withName(name).withType(type.substring(0, 367))));
        // As wide as the index holds: 1500 + 1100 bytes.
        Concept widest = store.concepts().create(new NewConcept(user, name, type.substring(0, 366) + "xx", null, null, null));
        assertEquals(widest, store.concepts().get(user, widest.id()));
        assertEquals(2, store.concepts().cycle(user).conceptsCreatedInCycle());
        assertEquals(widest.version() + 1, store.concepts().update(widest.withDescription("fits")).version());
    }

    @Test
    void anotherUserMayHaveTheSameNameAndType() {
        Concept mine = concept(newUser("Ada").id(), "Rome");
        Concept theirs = concept(newUser("Bob").id(), "Rome");
        assertEquals(mine.name(), theirs.name());
    }

    // --- merges ---

    @Test
    void aMergedConceptPointsAtItsTarget() {
        UserId user = newUser("Ada").id();
        Concept a = concept(user, "A");
        Concept b = concept(user, "B");
        clock.advance(Duration.ofMinutes(5));
        Concept merged = store.concepts().merge(user, a.id(), b.id());
        assertEquals(ConceptStatus.MERGED, merged.status());
        assertEquals(b.id(), merged.mergedIntoConceptId());
        assertEquals(a.version() + 1, merged.version());
        assertEquals(now(), merged.lastUpdatedTs());
        assertEquals(a.createdAt(), merged.createdAt());
        assertEquals(merged, store.concepts().get(user, a.id()));
        assertEquals(b, store.concepts().get(user, b.id()), "the target is unchanged");
    }

    @Test
    void mergingIntoAMergedConceptMergesIntoTheEndOfItsChain() {
        UserId user = newUser("Ada").id();
        Concept a = concept(user, "A");
        Concept b = concept(user, "B");
        Concept c = concept(user, "C");
        Concept d = concept(user, "D");
        store.concepts().merge(user, c.id(), d.id());
        store.concepts().merge(user, b.id(), c.id());
        assertEquals(d.id(), store.concepts().get(user, b.id()).mergedIntoConceptId());
        assertEquals(d.id(), store.concepts().merge(user, a.id(), b.id()).mergedIntoConceptId());
    }

    @Test
    void resolveFollowsTheChainToTheLiveConcept() {
        UserId user = newUser("Ada").id();
        Concept a = concept(user, "A");
        Concept b = concept(user, "B");
        Concept c = concept(user, "C");
        assertEquals(a, store.concepts().resolve(user, a.id()), "a live concept resolves to itself");
        store.concepts().merge(user, a.id(), b.id());
        store.concepts().merge(user, b.id(), c.id());
        assertEquals(b.id(), store.concepts().get(user, a.id()).mergedIntoConceptId(),
                "a concept merged into b keeps pointing at b; its chain runs through b");
        assertEquals(c, store.concepts().resolve(user, a.id()));
        assertEquals(c, store.concepts().resolve(user, b.id()));
        assertEquals(c, store.concepts().resolve(user, c.id()));
    }

    @Test
    void mergingAConceptIntoItselfIsInvalid() {
        UserId user = newUser("Ada").id();
        Concept a = concept(user, "A");
        assertInvalid("into", () -> store.concepts().merge(user, a.id(), a.id()));
    }

    @Test
    void mergingIntoAChainThatEndsAtTheConceptIsAConflict() {
        UserId user = newUser("Ada").id();
        Concept a = concept(user, "A");
        Concept b = concept(user, "B");
        Concept c = concept(user, "C");
        store.concepts().merge(user, b.id(), a.id());
        store.concepts().merge(user, c.id(), b.id());
        ConflictException error = assertFailsAndWritesNothing(ConflictException.class,
                () -> store.concepts().merge(user, a.id(), c.id()));
        assertEquals("concept " + a.id() + " cannot be merged into " + c.id() + ": the merge chain of " + c.id()
                + " ends at " + a.id(), error.getMessage());
    }

    @Test
    void mergingAMergedConceptAgainIsAConflict() {
        UserId user = newUser("Ada").id();
        Concept a = concept(user, "A");
        Concept b = concept(user, "B");
        Concept c = concept(user, "C");
        store.concepts().merge(user, a.id(), b.id());
        ConflictException error = assertFailsAndWritesNothing(ConflictException.class,
                () -> store.concepts().merge(user, a.id(), c.id()));
        assertEquals("concept " + a.id() + " is already merged into " + b.id(), error.getMessage());
    }

    @Test
    void anotherUsersConceptIsNotFound() {
        UserId ada = newUser("Ada").id();
        UserId bob = newUser("Bob").id();
        Concept mine = concept(ada, "Mine");
        Concept other = concept(ada, "Other");
        Concept theirs = concept(bob, "Theirs");
        assertEquals("concept", assertFailsAndWritesNothing(NotFoundException.class,
                () -> store.concepts().merge(ada, mine.id(), theirs.id())).entity());
        assertFailsAndWritesNothing(NotFoundException.class, () -> store.concepts().merge(ada, theirs.id(), mine.id()));
        assertFailsAndWritesNothing(NotFoundException.class, () -> store.concepts().merge(bob, mine.id(), other.id()));
        assertFailsAndWritesNothing(NotFoundException.class, () -> store.concepts().merge(ada, ConceptId.generate(), mine.id()));
        assertThrows(NotFoundException.class, () -> store.concepts().resolve(ada, theirs.id()));
        assertThrows(NotFoundException.class, () -> store.concepts().resolve(bob, mine.id()));
    }

    @Test
    void theSourceIsLookedUpBeforeTheTarget() {
        UserId user = newUser("Ada").id();
        ConceptId missingFrom = ConceptId.generate();
        ConceptId missingInto = ConceptId.generate();
        NotFoundException error = assertThrows(NotFoundException.class,
                () -> store.concepts().merge(user, missingFrom, missingInto));
        assertTrue(error.getMessage().contains(missingFrom.toString()), error.getMessage());
    }

    @Test
    void aConceptOthersWereMergedIntoCannotBeDeleted() {
        UserId user = newUser("Ada").id();
        Concept a = concept(user, "A");
        Concept b = concept(user, "B");
        store.concepts().merge(user, a.id(), b.id());
        ConflictException error = assertFailsAndWritesNothing(ConflictException.class,
                () -> store.concepts().delete(user, b.id()));
        assertEquals("concept " + b.id() + " is still referenced", error.getMessage());
        store.concepts().delete(user, a.id());
        store.concepts().delete(user, b.id());
        assertTrue(store.concepts().list(user, PageRequest.first()).items().isEmpty());
    }

    @Test
    void updatingAMergedConceptKeepsItMerged() {
        UserId user = newUser("Ada").id();
        Concept a = concept(user, "A");
        Concept b = concept(user, "B");
        Concept merged = store.concepts().merge(user, a.id(), b.id());
        Concept updated = store.concepts().update(merged.withDescription("Old name of B"));
        assertEquals(ConceptStatus.MERGED, updated.status());
        assertEquals(b.id(), updated.mergedIntoConceptId());
    }

    @Test
    void concurrentMergesNeverCloseACycle() throws Exception {
        UserId user = newUser("Ada").id();
        List<ConceptId> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(concept(user, "C" + i).id());
        }
        AtomicInteger merges = new AtomicInteger();
        inThreads(THREADS, me -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            for (int op = 0; op < 25; op++) {
                ConceptId from = ids.get(random.nextInt(ids.size()));
                ConceptId into = ids.get(random.nextInt(ids.size()));
                if (from.equals(into)) {
                    continue;
                }
                try {
                    store.concepts().merge(user, from, into);
                    merges.incrementAndGet();
                } catch (ConflictException e) {
                    // merged already, or the merge would close a cycle
                }
            }
            return null;
        });

        Map<ConceptId, Concept> all = new HashMap<>();
        store.concepts().list(user, PageRequest.first(100)).items().forEach(c -> all.put(c.id(), c));
        assertEquals(ids.size(), all.size());
        int merged = 0;
        for (Concept start : all.values()) {
            assertEquals(start.status() == ConceptStatus.MERGED, start.mergedIntoConceptId() != null,
                    "merged exactly when pointing at a target: " + start);
            merged += start.mergedIntoConceptId() != null ? 1 : 0;
            Set<ConceptId> seen = new HashSet<>();
            Concept at = start;
            while (at.mergedIntoConceptId() != null) {
                assertTrue(seen.add(at.id()), "the chain of " + start.id() + " has a cycle");
                at = all.get(at.mergedIntoConceptId());
                assertNotNull(at, "the chain of " + start.id() + " leaves the user's concepts");
            }
            assertEquals(ConceptStatus.ACTIVE, at.status());
            assertEquals(at, store.concepts().resolve(user, start.id()));
        }
        assertEquals(merges.get(), merged, "every successful merge merged one concept, once");
        assertTrue(merged < ids.size(), "at least one concept stays live");
    }

    // --- cycle counters ---

    @Test
    void aNewUserHasNoCycleAndNoConcepts() {
        UserId user = newUser("Ada").id();
        assertEquals(new Cycle(user, null, 0), store.concepts().cycle(user));
    }

    @Test
    void creatingAConceptCountsItInTheCycle() {
        UserId user = newUser("Ada").id();
        UserId other = newUser("Bob").id();
        concept(user, "A");
        concept(user, "B");
        concept(other, "A");
        assertEquals(new Cycle(user, null, 2), store.concepts().cycle(user));
        assertEquals(new Cycle(other, null, 1), store.concepts().cycle(other));
    }

    @Test
    void startingACycleResetsTheCountAndRecordsTheTime() {
        UserId user = newUser("Ada").id();
        concept(user, "A");
        clock.advance(Duration.ofHours(1));
        Cycle started = store.concepts().startCycle(user);
        assertEquals(new Cycle(user, now(), 0), started);
        assertEquals(started, store.concepts().cycle(user));
        clock.advance(Duration.ofHours(1));
        concept(user, "B");
        assertEquals(new Cycle(user, started.lastCycleStartedAt(), 1), store.concepts().cycle(user));
    }

    @Test
    void startingACycleChangesNoUserRow() {
        User user = newUser("Ada");
        Cycle started = store.concepts().startCycle(user.id());
        User after = store.users().get(user.id());
        assertEquals(new Cycle(user.id(), after.lastCycleStartedAt(), after.conceptsCreatedInCycle()), started,
                "the cycle is the user row's cycle columns");
        assertEquals(user, TenancyTables.USERS.with(TenancyTables.USERS.with(after, "last_cycle_started_at", null),
                "concepts_created_in_cycle", 0), "the user's version, times and other fields stay as they were");
    }

    @Test
    void aRefusedCreationCountsNothing() {
        UserId user = newUser("Ada").id();
        concept(user, "A");
        assertThrows(ConflictException.class, () -> concept(user, "A"));
        assertEquals(1, store.concepts().cycle(user).conceptsCreatedInCycle());
    }

    @Test
    void aMergeCountsNothing() {
        UserId user = newUser("Ada").id();
        Concept a = concept(user, "A");
        Concept b = concept(user, "B");
        store.concepts().merge(user, a.id(), b.id());
        assertEquals(2, store.concepts().cycle(user).conceptsCreatedInCycle());
    }

    @Test
    void aRolledBackUnitOfWorkCountsNothing() {
        UserId user = newUser("Ada").id();
        concept(user, "A");
        assertThrows(IllegalStateException.class, () -> store.inTransaction(tx -> {
            tx.concepts().create(new NewConcept(user, "B", "topic", null, null, null));
            tx.concepts().create(new NewConcept(user, "C", "topic", null, null, null));
            assertEquals(3, tx.concepts().cycle(user).conceptsCreatedInCycle(), "counted inside the unit of work");
            throw new IllegalStateException("changed my mind");
        }));
        assertEquals(1, store.concepts().cycle(user).conceptsCreatedInCycle());
        assertEquals(1, store.concepts().list(user, PageRequest.first()).items().size());
    }

    @Test
    void aRefusedCreationInsideAUnitOfWorkUndoesOnlyItself() {
        UserId user = newUser("Ada").id();
        store.inTransaction(tx -> {
            tx.concepts().create(new NewConcept(user, "A", "topic", null, null, null));
            assertThrows(ConflictException.class,
                    () -> tx.concepts().create(new NewConcept(user, "A", "topic", null, null, null)));
            tx.concepts().create(new NewConcept(user, "B", "topic", null, null, null));
            return null;
        });
        assertEquals(2, store.concepts().cycle(user).conceptsCreatedInCycle());
    }

    @Test
    void concurrentCreationsCountExactly() throws Exception {
        UserId user = newUser("Ada").id();
        AtomicInteger created = new AtomicInteger();
        inThreads(THREADS, me -> {
            for (int i = 0; i < 15; i++) {
                // every third name is also tried by the next thread: some creations are refused
                String name = i % 3 == 0 ? "shared " + (me + i) / 2 : "own " + me + "-" + i;
                try {
                    concept(user, name);
                    created.incrementAndGet();
                } catch (ConflictException e) {
                    // another thread created it first
                }
            }
            return null;
        });
        int stored = store.concepts().list(user, PageRequest.first(1000)).items().size();
        assertEquals(created.get(), stored);
        assertEquals(stored, store.concepts().cycle(user).conceptsCreatedInCycle());
    }

    @Test
    void theCycleOfAMissingUserIsNotFound() {
        UserId nobody = UserId.generate();
        assertEquals("user", assertThrows(NotFoundException.class, () -> store.concepts().cycle(nobody)).entity());
        assertEquals("user", assertFailsAndWritesNothing(NotFoundException.class,
                () -> store.concepts().startCycle(nobody)).entity());
    }

    @Test
    void creatingAConceptForAMissingUserIsNotFound() {
        UserId nobody = UserId.generate();
        assertEquals("user", assertFailsAndWritesNothing(NotFoundException.class,
                () -> concept(nobody, "A")).entity());
    }

}
