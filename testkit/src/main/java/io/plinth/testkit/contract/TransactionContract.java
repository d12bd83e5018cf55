package io.plinth.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plinth.core.ConflictException;
import io.plinth.core.InvalidInputException;
import io.plinth.core.NotFoundException;
import io.plinth.core.Transaction;
import io.plinth.core.PageRequest;
import io.plinth.core.RetryPolicy;
import io.plinth.core.RetryableException;
import io.plinth.tenancy.NewProject;
import io.plinth.tenancy.NewUser;
import io.plinth.tenancy.NewWorkspace;
import io.plinth.tenancy.User;
import io.plinth.tenancy.UserId;
import io.plinth.tenancy.Workspace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Units of work: atomic commit and rollback, retries, and isolation under concurrency, on every backend. */
public abstract class TransactionContract extends StoreContract {
    private static final int THREADS = 16;

    @Test
    void aUnitOfWorkCommitsAllItsWrites() {
        Workspace workspace = store.inTransaction(tx -> {
            User owner = tx.users().create(NewUser.of("founder@example.com", "Founder"));
            Workspace created = tx.workspaces().create(NewWorkspace.of("Atomic", owner.id()));
            tx.projects().create(new NewProject(created.id(), "First", "FIRST", null, owner.id()));
            return created;
        });
        assertEquals(1, store.projects().list(workspace.id(), PageRequest.first()).items().size());
    }

    @Test
    void aWriteFollowedByAnExceptionLeavesNothingBehind() {
        List<Object> before = everything();
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> store.inTransaction(tx -> {
            User owner = tx.users().create(NewUser.of("doomed@example.com", "Doomed"));
            tx.workspaces().create(NewWorkspace.of("Doomed", owner.id()));
            throw new IllegalStateException("the application changed its mind");
        }));
        assertEquals("the application changed its mind", thrown.getMessage());
        assertEquals(before, everything());
        assertTrue(store.users().findByEmail("doomed@example.com").isEmpty());
    }

    @Test
    void aConstraintViolationHalfWayLeavesNothingBehind() {
        User existing = newUser("Existing");
        List<Object> before = everything();
        assertThrows(ConflictException.class, () -> store.inTransaction(tx -> {
            User owner = tx.users().create(NewUser.of("halfway@example.com", "Halfway"));
            Workspace workspace = tx.workspaces().create(NewWorkspace.of("Halfway", owner.id()));
            tx.projects().create(new NewProject(workspace.id(), "One", "ONE", null, null));
            tx.projects().create(new NewProject(workspace.id(), "Again", "ONE", null, null));
            return null;
        }));
        assertThrows(ConflictException.class, () -> store.inTransaction(tx -> {
            tx.users().create(NewUser.of("second-halfway@example.com", "Second"));
            return tx.users().create(NewUser.of(existing.email(), "Duplicate"));
        }));
        assertEquals(before, everything());
    }

    @Test
    void retryableFailuresRunTheWholeWorkAgainOnACleanSlate() {
        AtomicInteger attempts = new AtomicInteger();
        User user = store.inTransaction(new RetryPolicy(5, Duration.ZERO, Duration.ZERO), tx -> {
            User created = tx.users().create(NewUser.of("retried@example.com", "Retried"));
            if (attempts.incrementAndGet() < 3) {
                throw new RetryableException("simulated deadlock", null);
            }
            return created;
        });
        assertEquals(3, attempts.get());
        assertEquals(List.of(user), store.users().list(PageRequest.first()).items());
    }

    @Test
    void retriesStopAtTheLimitAndNothingIsWritten() {
        AtomicInteger attempts = new AtomicInteger();
        RetryableException failure = new RetryableException("always failing", null);
        RetryableException thrown = assertThrows(RetryableException.class,
                () -> store.inTransaction(new RetryPolicy(3, Duration.ZERO, Duration.ZERO), tx -> {
                    attempts.incrementAndGet();
                    tx.users().create(NewUser.of("never@example.com", "Never"));
                    throw failure;
                }));
        assertSame(failure, thrown);
        assertEquals(3, attempts.get());
        assertTrue(store.users().list(PageRequest.first()).items().isEmpty());
    }

    @Test
    void aVoidUnitOfWorkCommitsAllItsWrites() {
        store.useTransaction(tx -> {
            User owner = tx.users().create(NewUser.of("void@example.com", "Void"));
            Workspace created = tx.workspaces().create(NewWorkspace.of("Void", owner.id()));
            tx.projects().create(new NewProject(created.id(), "First", "FIRST", null, owner.id()));
        });
        User owner = store.users().findByEmail("void@example.com").orElseThrow();
        Workspace workspace = store.workspaces().list(PageRequest.first()).items().get(0);
        assertEquals(owner.id(), workspace.ownerId());
        assertEquals(1, store.projects().list(workspace.id(), PageRequest.first()).items().size());
    }

    @Test
    void aVoidUnitOfWorkThatThrowsLeavesNothingBehind() {
        List<Object> before = everything();
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> store.useTransaction(tx -> {
            User owner = tx.users().create(NewUser.of("doomed@example.com", "Doomed"));
            tx.workspaces().create(NewWorkspace.of("Doomed", owner.id()));
            throw new IllegalStateException("the application changed its mind");
        }));
        assertEquals("the application changed its mind", thrown.getMessage());
        assertEquals(before, everything());
    }

    @Test
    void aVoidUnitOfWorkIsRetriedLikeAnyOther() {
        AtomicInteger attempts = new AtomicInteger();
        store.useTransaction(new RetryPolicy(5, Duration.ZERO, Duration.ZERO), tx -> {
            tx.users().create(NewUser.of("retried@example.com", "Retried"));
            if (attempts.incrementAndGet() < 3) {
                throw new RetryableException("simulated deadlock", null);
            }
        });
        assertEquals(3, attempts.get());
        assertEquals(1, store.users().list(PageRequest.first()).items().size(), "only the last attempt's row remains");
        RetryableException failure = new RetryableException("always failing", null);
        assertSame(failure, assertThrows(RetryableException.class,
                () -> store.useTransaction(new RetryPolicy(2, Duration.ZERO, Duration.ZERO), tx -> {
                    tx.users().create(NewUser.of("never@example.com", "Never"));
                    throw failure;
                })));
        assertTrue(store.users().findByEmail("never@example.com").isEmpty());
    }

    @Test
    void aVoidUnitOfWorkFollowsTheRulesOfUse() {
        store.useTransaction(tx -> {
            tx.users().create(NewUser.of("outer@example.com", "Outer"));
            assertThrows(IllegalStateException.class, () -> store.useTransaction(inner -> inner.users().list(PageRequest.first())));
        });
        assertEquals(1, store.users().list(PageRequest.first()).items().size(), "the outer work committed alone");
        assertInvalid("work", () -> store.useTransaction(null));
        store.close();
        assertThrows(IllegalStateException.class, () -> store.useTransaction(tx -> tx.users().list(PageRequest.first())));
    }

    @Test
    void concurrentUpdatesOfOneVersionHaveExactlyOneWinner() throws Exception {
        User user = newUser("Contested");
        for (int round = 0; round < 3; round++) {
            User read = store.users().get(user.id());
            List<Object> outcomes = race(i -> store.users().update(read.withName("Writer " + i)));
            long winners = outcomes.stream().filter(o -> o instanceof User).count();
            long conflicts = outcomes.stream().filter(o -> o instanceof ConflictException).count();
            assertEquals(1, winners, "exactly one update wins: " + outcomes);
            assertEquals(THREADS - 1, conflicts, "every other update is a conflict: " + outcomes);
            assertEquals(read.version() + 1, store.users().get(user.id()).version());
        }
    }

    @Test
    void concurrentCreatesOfOneEmailHaveExactlyOneWinner() throws Exception {
        List<Object> outcomes = race(i -> store.users().create(NewUser.of("Race@Example.com".toLowerCase(), "Racer " + i)));
        assertEquals(1, outcomes.stream().filter(o -> o instanceof User).count(), outcomes.toString());
        assertEquals(THREADS - 1, outcomes.stream().filter(o -> o instanceof ConflictException).count(), outcomes.toString());
        assertEquals(1, store.users().list(PageRequest.first()).items().size());
    }

    @Test
    void failedCallsInsideAUnitOfWorkLeaveTheRestOfTheWorkToCommit() {
        User existing = newUser("Existing");
        List<User> kept = store.inTransaction(tx -> {
            User first = tx.users().create(NewUser.of("first@example.com", "First"));
            assertThrows(ConflictException.class, () -> tx.users().create(NewUser.of(existing.email(), "Taken")));
            assertThrows(NotFoundException.class, () -> tx.users().get(UserId.generate()));
            assertThrows(InvalidInputException.class, () -> tx.users().findByEmail("nul\u0000@example.com"));
            User second = tx.users().create(NewUser.of("second@example.com", "Second"));
            return List.of(first, second);
        });
        for (User user : kept) {
            assertEquals(user, store.users().get(user.id()));
        }
    }

    @Test
    void aUnitOfWorkCannotStartAnotherNorCallTheStoreItself() {
        User kept = store.inTransaction(tx -> {
            User created = tx.users().create(NewUser.of("outer@example.com", "Outer"));
            assertThrows(IllegalStateException.class, () -> store.inTransaction(inner -> inner.users().list(PageRequest.first())));
            assertThrows(IllegalStateException.class, () -> store.users().list(PageRequest.first()));
            assertThrows(IllegalStateException.class, () -> store.users().create(NewUser.of("inner@example.com", "Inner")));
            return created;
        });
        assertEquals(List.of(kept), store.users().list(PageRequest.first()).items(), "the outer work committed alone");
    }

    @Test
    void aTransactionIsUsableOnlyInsideItsWorkAndOnItsThread() {
        Transaction leaked = store.inTransaction(tx -> tx);
        assertThrows(IllegalStateException.class, () -> leaked.users().list(PageRequest.first()));
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            store.inTransaction(tx -> {
                Future<?> call = other.submit(() -> tx.users().create(NewUser.of("elsewhere@example.com", "Elsewhere")));
                ExecutionException failure = assertThrows(ExecutionException.class, () -> call.get(30, TimeUnit.SECONDS));
                assertInstanceOf(IllegalStateException.class, failure.getCause());
                return null;
            });
        } finally {
            other.shutdownNow();
        }
        assertTrue(store.users().findByEmail("elsewhere@example.com").isEmpty());
    }

    @Test
    void aClosedStoreRefusesEveryCall() {
        store.close();
        assertThrows(IllegalStateException.class, () -> store.users().list(PageRequest.first()));
        assertThrows(IllegalStateException.class, () -> store.inTransaction(tx -> tx.users().list(PageRequest.first())));
        store.close();
    }

    /** Runs {@code action} on {@link #THREADS} threads released at once; returns each result or exception. */
    private List<Object> race(IntAction action) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                int n = i;
                Callable<Object> task = () -> {
                    start.await();
                    try {
                        return action.run(n);
                    } catch (RuntimeException e) {
                        return e;
                    }
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> future : futures) {
                outcomes.add(future.get(60, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    @FunctionalInterface
    private interface IntAction {
        Object run(int i);
    }
}
