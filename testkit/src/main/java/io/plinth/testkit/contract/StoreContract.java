package io.plinth.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.plinth.core.AppendRepository;
import io.plinth.core.Id;
import io.plinth.core.InvalidInputException;
import io.plinth.core.Pages;
import io.plinth.core.Transaction;
import io.plinth.core.table.Schema;
import io.plinth.core.table.Table;
import io.plinth.core.PageRequest;
import io.plinth.core.PlinthException;
import io.plinth.core.Store;
import io.plinth.tenancy.NewUser;
import io.plinth.tenancy.NewWorkspace;
import io.plinth.tenancy.User;
import io.plinth.tenancy.Workspace;
import io.plinth.testkit.TestClock;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.function.Executable;

/**
 * Base of every contract class: a backend supplies an empty store on a {@link TestClock}, the
 * contract specifies the behaviour. A backend runs a contract by extending it:
 *
 * <pre>{@code
 * class PostgresUserContractTest extends UserContract {
 *     protected Store emptyStore(Clock clock) { return TestDatabase.emptyStore(clock); }
 * }
 * }</pre>
 */
public abstract class StoreContract {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    /** The clock the store under test reads; tests move it. */
    protected final TestClock clock = new TestClock();
    /** The store under test, empty at the start of each test. */
    protected Store store;

    /** A store with no data in it whose times come from {@code clock}. */
    protected abstract Store emptyStore(Clock clock);

    @BeforeEach
    final void openStore() {
        store = emptyStore(clock);
    }

    @AfterEach
    final void closeStore() {
        store.close();
    }

    /** A user with a unique email. */
    protected User newUser(String name) {
        return store.users().create(NewUser.of(name.toLowerCase().replaceAll("[^a-z0-9]+", "-") + "." + SEQUENCE.incrementAndGet() + "@example.com", name));
    }

    /** A workspace owned by a new user. */
    protected Workspace newWorkspace(String name) {
        return store.workspaces().create(NewWorkspace.of(name, newUser("Owner of " + name).id()));
    }

    /**
     * Asserts that {@code call} fails with {@code type} and that the store holds exactly the same
     * rows afterwards: a failed call writes nothing.
     */
    protected <E extends PlinthException> E assertFailsAndWritesNothing(Class<E> type, Executable call) {
        List<Object> before = everything();
        E error = assertThrows(type, call);
        assertEquals(before, everything(), "a failed call must leave the store as it was");
        return error;
    }

    /** Asserts an {@link InvalidInputException} naming {@code field}, with nothing written. */
    protected InvalidInputException assertInvalid(String field, Executable call) {
        InvalidInputException error = assertFailsAndWritesNothing(InvalidInputException.class, call);
        assertEquals(field, error.field(), "the error names the field: " + error.getMessage());
        return error;
    }

    /** Every row of a declared table that belongs to {@code tenant}, page by page. */
    @SuppressWarnings("unchecked")
    private static List<Object> everything(Transaction tx, Table<?, ?> table, Id tenant) {
        AppendRepository<Id, Id, Object, Object> repository = (AppendRepository<Id, Id, Object, Object>) tx.repository(table.repository());
        return Pages.stream(request -> repository.list(tenant, request), PageRequest.first(PageRequest.MAX_LIMIT)).toList();
    }

    /** Every row of the store, read through the public API. */
    protected List<Object> everything() {
        return store.inTransaction(tx -> {
            List<Object> rows = new ArrayList<>();
            PageRequest all = PageRequest.first(PageRequest.MAX_LIMIT);
            for (User user : tx.users().list(all).items()) {
                rows.add(user);
            }
            for (Workspace workspace : tx.workspaces().list(all).items()) {
                rows.add(workspace);
                for (Table<?, ?> table : Schema.TABLES) {
                    if ("workspaces".equals(table.tenantTable())) {
                        rows.addAll(everything(tx, table, workspace.id()));
                    }
                }
                rows.addAll(tx.ledger().listAccounts(workspace.id(), all).items());
                rows.addAll(tx.ledger().listTransfers(workspace.id(), all).items());
            }
            rows.addAll(tx.ledger().listSystemAccounts(all).items());
            for (User user : tx.users().list(all).items()) {
                tx.pulseProfiles().find(user.id()).ifPresent(rows::add);
                for (Table<?, ?> table : Schema.TABLES) {
                    if ("users".equals(table.tenantTable())) {
                        rows.addAll(everything(tx, table, user.id()));
                    }
                }
            }
            return rows;
        });
    }

    /** What one thread of a concurrency test does; {@code me} numbers the thread from 0. */
    @FunctionalInterface
    protected interface ThreadWork<T> {
        T run(int me) throws Exception;
    }

    /**
     * Runs {@code work} on {@code threads} threads released at the same moment, waits for all of them
     * (failing the test with the first thread's failure) and returns what each returned, in thread order.
     */
    protected static <T> List<T> inThreads(int threads, ThreadWork<T> work) throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<T>> futures = new ArrayList<>();
            for (int thread = 0; thread < threads; thread++) {
                int me = thread;
                futures.add(pool.submit(() -> {
                    start.await();
                    return work.run(me);
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (java.util.concurrent.Future<T> future : futures) {
                results.add(future.get(5, java.util.concurrent.TimeUnit.MINUTES));
            }
            return results;
        } catch (java.util.concurrent.ExecutionException e) {
            org.junit.jupiter.api.Assertions.fail("a thread failed: " + e.getCause(), e.getCause());
            throw e;
        } finally {
            pool.shutdownNow();
        }
    }
}
