package io.plinth.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.plinth.core.Store;
import io.plinth.ledger.Account;
import io.plinth.ledger.Ledger;
import io.plinth.ledger.NewAccount;
import io.plinth.ledger.Resolution;
import io.plinth.ledger.Transfer;
import io.plinth.ledger.TransferKind;
import io.plinth.ledger.TransferRequest;
import io.plinth.ledger.TransferType;
import io.plinth.tenancy.WorkspaceId;
import io.plinth.testkit.TestClock;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A sweep of expired pending transfers races their owners: a transfer the owner voids after the
 * sweep found it is skipped, and the sweep goes on with the rest. (The in-memory kit runs units of
 * work one at a time, so only PostgreSQL can interleave the two.)
 */
class LedgerExpirySweepTest {

    @Test
    void aSweepSkipsWhatItsOwnerVoidsMeanwhileAndVoidsTheRest() throws Exception {
        TestClock clock = new TestClock();
        Store store = TestDatabase.emptyStore(clock);
        WorkspaceId ws = TestDatabase.newWorkspace(store, "Escrow").id();
        Account mint = store.ledger().openPlatformAccount(NewAccount.system("mint", Ledger.CREDITS));
        Account wallet = store.ledger().openAccount(NewAccount.workspaceCredits(ws));
        Account vendor = store.ledger().openAccount(new NewAccount(ws, "vendor", Ledger.CREDITS, false));
        store.ledger().platformTransfer(TransferRequest.builder().workspaceId(ws).idempotencyKey("fund")
                .debitAccountId(mint.id()).creditAccountId(wallet.id()).amount(100).type(TransferType.CREDIT).build());
        Transfer first = store.ledger().transfer(TransferRequest.builder().workspaceId(ws).idempotencyKey("hold-1")
                .debitAccountId(wallet.id()).creditAccountId(vendor.id())
                .amount(30).type(TransferType.DEBIT).build().asPending(clock.instant().plus(Duration.ofMinutes(1))));
        Transfer second = store.ledger().transfer(TransferRequest.builder().workspaceId(ws).idempotencyKey("hold-2")
                .debitAccountId(wallet.id()).creditAccountId(vendor.id())
                .amount(20).type(TransferType.DEBIT).build().asPending(clock.instant().plus(Duration.ofMinutes(1))));
        clock.advance(Duration.ofMinutes(2));

        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch voided = new CountDownLatch(1);
            CountDownLatch commit = new CountDownLatch(1);
            Future<?> owner = threads.submit(() -> store.inTransaction(tx -> {
                tx.ledger().resolve(Resolution.voidPending(ws, "owner-void", first.id()));
                voided.countDown();
                awaitUninterruptibly(commit);    // holds the wallet's lock, not yet committed
                return null;
            }));
            assertTrue(voided.await(10, TimeUnit.SECONDS));
            Future<Integer> sweep = threads.submit(store.ledger()::expirePending);
            awaitALockWait();                    // the sweep found both, and waits for the owner's lock
            commit.countDown();
            owner.get(10, TimeUnit.SECONDS);

            assertEquals(1, sweep.get(10, TimeUnit.SECONDS), "the sweep voided only the transfer left to it");
        } finally {
            threads.shutdownNow();
        }
        assertEquals(TransferKind.VOID_PENDING, store.ledger().findByKey(ws, "owner-void").orElseThrow().kind());
        assertTrue(store.ledger().findByKey(ws, Ledger.expiryKey(first.id())).isEmpty());
        assertEquals(second.id(), store.ledger().findByKey(ws, Ledger.expiryKey(second.id())).orElseThrow().pendingId());
        Account after = store.ledger().getAccount(ws, wallet.id());
        assertEquals(100, after.balance());
        assertEquals(0, after.reserved());
        assertTrue(store.ledger().verify().ok());
        store.close();
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void awaitALockWait() throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        try (Connection c = TestDatabase.dataSource().getConnection(); Statement s = c.createStatement()) {
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity "
                        + "WHERE wait_event_type = 'Lock' AND datname = current_database()")) {
                    rs.next();
                    if (rs.getInt(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
        }
        fail("the sweep never waited for the owner's lock");
    }
}
