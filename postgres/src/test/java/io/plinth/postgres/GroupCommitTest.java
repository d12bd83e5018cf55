package io.plinth.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plinth.core.ConflictException;
import io.plinth.core.InsufficientFundsException;
import io.plinth.core.PageRequest;
import io.plinth.core.RetryPolicy;
import io.plinth.core.RetryableException;
import io.plinth.ledger.Account;
import io.plinth.ledger.Ledger;
import io.plinth.ledger.NewAccount;
import io.plinth.ledger.Transfer;
import io.plinth.ledger.TransferRequest;
import io.plinth.ledger.TransferType;
import io.plinth.tenancy.WorkspaceId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Group commit, made deterministic: another connection holds an account's row lock, so the batch in
 * flight waits on it while the test queues more transfers, which must then go together as one batch
 * and each get exactly what a lone call would have got.
 */
class GroupCommitTest {
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private PostgresStore store;

    @AfterEach
    void stop() {
        threads.shutdownNow();
        store.close();
    }

    private Account fund(WorkspaceId ws, Account mint, String code, long amount) {
        Account account = store.ledger().openAccount(new NewAccount(ws, code, Ledger.CREDITS, false));
        if (amount > 0) {
            store.ledger().platformTransfer(TransferRequest.builder().workspaceId(ws).idempotencyKey("fund-" + code).debitAccountId(mint.id()).creditAccountId(account.id()).amount(amount).type(TransferType.CREDIT).build());
        }
        return account;
    }

    /** A connection holding the row lock of {@code account} until it is closed. */
    private static Connection lock(Account account) throws SQLException {
        Connection c = TestDatabase.dataSource().getConnection();
        c.setAutoCommit(false);
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM ledger_accounts WHERE id = ? FOR UPDATE")) {
            s.setObject(1, account.id().value());
            s.executeQuery().close();
        }
        return c;
    }

    private void awaitWaiting(int calls) throws InterruptedException {
        for (int i = 0; i < 2_000 && store.groupCommit().waiting() < calls; i++) {
            Thread.sleep(5);
        }
        assertEquals(calls, store.groupCommit().waiting());
    }

    /** The backend that runs the batch waiting for {@code account}'s lock. */
    private static int waitingBackend() throws Exception {
        try (Connection c = TestDatabase.dataSource().getConnection()) {
            for (int i = 0; i < 2_000; i++) {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT pid FROM pg_stat_activity "
                        + "WHERE wait_event_type = 'Lock' AND query LIKE '%plinth_ledger_transfer_each%'")) {
                    if (rs.next()) {
                        return rs.getInt(1);
                    }
                }
                Thread.sleep(5);
            }
        }
        throw new AssertionError("no batch waits for the lock");
    }

    @Test
    void callsArrivingWhileABatchIsInFlightGoTogetherAndEachGetsItsOwnOutcome() throws Exception {
        store = TestDatabase.emptyStore(Clock.systemUTC(), builder -> builder);
        WorkspaceId ws = TestDatabase.newWorkspace(store, "Grouped").id();
        Account mint = store.ledger().openPlatformAccount(NewAccount.system("mint", Ledger.CREDITS));
        Account wallet = fund(ws, mint, "wallet", 1_000);
        Account vendor = fund(ws, mint, "vendor", 0);
        long before = store.groupCommit().batches();

        Future<Transfer> first;
        List<Future<Transfer>> queued = new ArrayList<>();
        try (Connection holder = lock(wallet)) {
            first = threads.submit(() -> store.ledger().transfer(
                    TransferRequest.builder().workspaceId(ws).idempotencyKey("first").debitAccountId(wallet.id()).creditAccountId(vendor.id()).amount(10).type(TransferType.DEBIT).build()));
            awaitLeaderBlocked();
            for (int i = 0; i < 8; i++) {
                String key = "queued-" + i;
                queued.add(threads.submit(() -> store.ledger().transfer(
                        TransferRequest.builder().workspaceId(ws).idempotencyKey(key).debitAccountId(wallet.id()).creditAccountId(vendor.id()).amount(10).type(TransferType.DEBIT).build())));
            }
            queued.add(threads.submit(() -> store.ledger().transfer(
                    TransferRequest.builder().workspaceId(ws).idempotencyKey("too-much").debitAccountId(wallet.id()).creditAccountId(vendor.id()).amount(5_000).type(TransferType.DEBIT).build())));
            queued.add(threads.submit(() -> store.ledger().transfer(
                    TransferRequest.builder().workspaceId(ws).idempotencyKey("first").debitAccountId(wallet.id()).creditAccountId(vendor.id()).amount(11).type(TransferType.DEBIT).build())));
            awaitWaiting(10);
            holder.commit();
        }

        assertEquals(10, first.get(30, TimeUnit.SECONDS).amount());
        for (int i = 0; i < 8; i++) {
            assertEquals("queued-" + i, queued.get(i).get(30, TimeUnit.SECONDS).idempotencyKey());
        }
        assertInstanceOf(InsufficientFundsException.class, cause(queued.get(8)));
        assertInstanceOf(ConflictException.class, cause(queued.get(9)));
        assertEquals(2, store.groupCommit().batches() - before, "the lone first call, then the ten queued together");
        assertEquals(910, store.ledger().getAccount(ws, wallet.id()).balance());
        assertEquals(90, store.ledger().getAccount(ws, vendor.id()).balance());
        assertTrue(store.ledger().verify().ok());
    }

    @Test
    void whenABatchLosesItsConnectionEveryCallerGetsTheRetryableErrorAndARetryIsSafe() throws Exception {
        store = TestDatabase.emptyStore(Clock.systemUTC(), builder -> builder.retryPolicy(RetryPolicy.NONE));
        WorkspaceId ws = TestDatabase.newWorkspace(store, "Cut").id();
        Account mint = store.ledger().openPlatformAccount(NewAccount.system("mint", Ledger.CREDITS));
        Account first = fund(ws, mint, "first", 100);
        Account second = fund(ws, mint, "second", 100);
        Account vendor = fund(ws, mint, "vendor", 0);

        List<TransferRequest> requests = new ArrayList<>();
        List<Future<Transfer>> queued = new ArrayList<>();
        Future<Transfer> lead;
        try (Connection holdsFirst = lock(first); Connection holdsSecond = lock(second)) {
            lead = threads.submit(() -> store.ledger().transfer(
                    TransferRequest.builder().workspaceId(ws).idempotencyKey("lead").debitAccountId(first.id()).creditAccountId(vendor.id()).amount(1).type(TransferType.DEBIT).build()));
            awaitLeaderBlocked();
            for (int i = 0; i < 5; i++) {
                TransferRequest request = TransferRequest.builder().workspaceId(ws).idempotencyKey("cut-" + i).debitAccountId(second.id()).creditAccountId(vendor.id()).amount(1 + i).type(TransferType.DEBIT).build();
                requests.add(request);
                queued.add(threads.submit(() -> store.ledger().transfer(request)));
            }
            awaitWaiting(5);
            holdsFirst.commit();
            assertEquals(1, lead.get(30, TimeUnit.SECONDS).amount());
            int batch = waitingBackend();
            try (Connection admin = TestDatabase.dataSource().getConnection();
                 PreparedStatement kill = admin.prepareStatement("SELECT pg_terminate_backend(?)")) {
                kill.setInt(1, batch);
                kill.executeQuery().close();
            }
            for (Future<Transfer> call : queued) {
                assertInstanceOf(RetryableException.class, cause(call));
            }
            holdsSecond.commit();
        }
        for (TransferRequest request : requests) {
            assertEquals(request.amount(), store.ledger().transfer(request).amount());
            assertEquals(request.amount(), store.ledger().transfer(request).amount(), "the same key again");
        }
        assertEquals(100 - 15, store.ledger().getAccount(ws, second.id()).balance());
        assertEquals(6, store.ledger().listTransfers(ws, PageRequest.first(100)).items().stream()
                .filter(t -> t.debitAccountId().equals(second.id()) || t.debitAccountId().equals(first.id())).count());
        assertTrue(store.ledger().verify().ok());
    }

    /** Waits until the first call's batch is in flight (blocked on the held lock). */
    private void awaitLeaderBlocked() throws Exception {
        try (Connection c = TestDatabase.dataSource().getConnection()) {
            for (int i = 0; i < 2_000; i++) {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM pg_stat_activity "
                        + "WHERE wait_event_type = 'Lock' AND query LIKE '%plinth_ledger_transfer%'")) {
                    rs.next();
                    if (rs.getInt(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(5);
            }
        }
        throw new AssertionError("the first transfer never waited for the lock");
    }

    private static Throwable cause(Future<?> call) throws InterruptedException {
        try {
            call.get(30, TimeUnit.SECONDS);
            throw new AssertionError("expected the call to fail");
        } catch (java.util.concurrent.ExecutionException e) {
            return e.getCause();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the call did not finish", e);
        }
    }
}
