package io.plinth.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plinth.core.InsufficientFundsException;
import io.plinth.core.PageRequest;
import io.plinth.core.Pages;
import io.plinth.ledger.Account;
import io.plinth.ledger.Ledger;
import io.plinth.ledger.LedgerReport;
import io.plinth.ledger.NewAccount;
import io.plinth.ledger.Resolution;
import io.plinth.ledger.Transfer;
import io.plinth.ledger.TransferRequest;
import io.plinth.ledger.TransferType;
import io.plinth.tenancy.Workspace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The ledger's invariants under concurrency, on every backend: many threads move money between a
 * few hot accounts, repeat requests, reserve and resolve; afterwards money is conserved, no
 * account is below its limit, every acknowledged transfer exists exactly once, and verification passes.
 */
public abstract class LedgerConcurrencyContract extends StoreContract {
    private static final int THREADS = 8;
    private static final int OPERATIONS_PER_THREAD = 60;
    private static final int ACCOUNTS = 5;
    private static final long START = 1_000;

    @Test
    void invariantsHoldWhileManyThreadsTransfer() throws Exception {
        Bank bank = openBank("Bank");

        inThreads(THREADS, me -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            for (int op = 0; op < OPERATIONS_PER_THREAD; op++) {
                String key = "t" + me + "-" + op;
                TransferRequest request = randomPayment(bank, key, random);
                if (op % 7 == 3) {
                    request = request.asPending(null);
                }
                try {
                    Transfer done = store.ledger().transfer(request);
                    bank.acknowledged().put(key, done);
                    if (op % 5 == 0) {
                        assertEquals(done, store.ledger().transfer(request), "a repeat returns the original");
                    }
                    if (request.pending()) {
                        Resolution resolution = random.nextBoolean()
                                ? Resolution.post(bank.workspace().id(), key + "-r", done.id())
                                : Resolution.voidPending(bank.workspace().id(), key + "-r", done.id());
                        bank.acknowledged().put(key + "-r", store.ledger().resolve(resolution));
                    }
                } catch (InsufficientFundsException e) {
                    bank.refused().add(key);
                }
            }
            return null;
        });

        assertInvariants(bank);
    }

    @Test
    void findOrOpenFromManyThreadsOpensOneAccountAndEveryCallerGetsIt() throws Exception {
        Workspace workspace = newWorkspace("Racing");
        for (int round = 0; round < 5; round++) {
            NewAccount wanted = NewAccount.builder().workspaceId(workspace.id()).code("race-" + round)
                    .unit(Ledger.CREDITS).build();
            NewAccount system = NewAccount.system("race-mint-" + round, Ledger.CREDITS);
            List<List<Account>> got = inThreads(THREADS, me -> me % 2 == 0
                    ? List.of(store.ledger().findOrOpenAccount(wanted), store.ledger().findOrOpenPlatformAccount(system))
                    : store.inTransaction(tx -> List.of(tx.ledger().findOrOpenAccount(wanted),
                            tx.ledger().findOrOpenPlatformAccount(system))));
            Account opened = store.ledger().findAccount(workspace.id(), wanted.code(), wanted.unit()).orElseThrow();
            Account mint = store.ledger().findSystemAccount(system.code(), system.unit()).orElseThrow();
            for (List<Account> pair : got) {
                assertEquals(opened, pair.get(0), "every caller gets the one account");
                assertEquals(mint, pair.get(1), "every caller gets the one system account");
            }
            assertEquals(1, Pages.stream(request -> store.ledger().listAccounts(workspace.id(), request), PageRequest.first())
                    .filter(a -> a.code().equals(wanted.code())).count(), "one account was opened");
            assertEquals(1, Pages.stream(store.ledger()::listSystemAccounts, PageRequest.first())
                    .filter(a -> a.code().equals(system.code())).count(), "one system account was opened");
        }
    }

    @Test
    void invariantsHoldWhileManyThreadsTransferInBatches() throws Exception {
        Bank bank = openBank("Batches");

        inThreads(THREADS, me -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            for (int op = 0; op < OPERATIONS_PER_THREAD / 4; op++) {
                List<TransferRequest> batch = new ArrayList<>();
                for (int i = 0, size = 2 + random.nextInt(9); i < size; i++) {
                    batch.add(randomPayment(bank, "b" + me + "-" + op + "-" + i, random));
                }
                try {
                    List<Transfer> done = store.ledger().transferAll(batch);
                    for (int i = 0; i < batch.size(); i++) {
                        bank.acknowledged().put(batch.get(i).idempotencyKey(), done.get(i));
                    }
                    if (op % 3 == 0) {
                        assertEquals(done, store.ledger().transferAll(batch), "a repeated batch returns the originals");
                    }
                } catch (InsufficientFundsException e) {
                    batch.forEach(request -> bank.refused().add(request.idempotencyKey()));
                }
            }
            return null;
        });
        assertTrue(!bank.refused().isEmpty() && !bank.acknowledged().isEmpty(), "some batches were refused, some done");
        assertInvariants(bank);
    }



    /**
     * A test's bank: its workspace, the mint, {@value #ACCOUNTS} funded accounts, and what its
     * threads were told — the transfers acknowledged (by key) and the keys refused.
     */
    private record Bank(Workspace workspace, Account mint, List<Account> accounts,
                        Map<String, Transfer> acknowledged, Set<String> refused) {
    }

    private Bank openBank(String name) {
        Workspace workspace = newWorkspace(name);
        Account mint = store.ledger().openPlatformAccount(NewAccount.system("mint", Ledger.CREDITS));
        return new Bank(workspace, mint, openFunded(workspace, mint), new ConcurrentHashMap<>(),
                ConcurrentHashMap.newKeySet());
    }

    /** {@value #ACCOUNTS} accounts that may not go negative, each funded with {@value #START} from the mint. */
    private List<Account> openFunded(Workspace workspace, Account mint) {
        List<Account> accounts = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            Account account = store.ledger().openAccount(new NewAccount(workspace.id(), "acct-" + i, Ledger.CREDITS, false));
            store.ledger().platformTransfer(TransferRequest.builder().workspaceId(workspace.id()).idempotencyKey("open-" + i)
                    .debitAccountId(mint.id()).creditAccountId(account.id())
                    .amount(START).type(TransferType.CREDIT).build());
            accounts.add(account);
        }
        return accounts;
    }

    private static TransferRequest randomPayment(Bank bank, String key, ThreadLocalRandom random) {
        int from = random.nextInt(ACCOUNTS);
        int to = (from + 1 + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
        return TransferRequest.builder().workspaceId(bank.workspace().id()).idempotencyKey(key)
                .debitAccountId(bank.accounts().get(from).id()).creditAccountId(bank.accounts().get(to).id())
                .amount(1 + random.nextInt(400)).type(TransferType.DEBIT).build();
    }

    /**
     * Money is conserved, no account is below its limit or still reserves anything, every
     * acknowledged transfer exists exactly once, every refused one left nothing, and verification passes.
     */
    private void assertInvariants(Bank bank) {
        Workspace workspace = bank.workspace();
        Map<String, Transfer> acknowledged = bank.acknowledged();
        long total = 0;
        for (Account account : bank.accounts()) {
            Account now = store.ledger().getAccount(workspace.id(), account.id());
            assertTrue(now.available() >= 0, "no account below its limit: " + now);
            assertEquals(0, now.reserved(), "every pending transfer was resolved");
            total += now.balance();
        }
        assertEquals(ACCOUNTS * START, total, "money is conserved");
        assertEquals(-ACCOUNTS * START, store.ledger().getSystemAccount(bank.mint().id()).balance());
        for (Map.Entry<String, Transfer> entry : acknowledged.entrySet()) {
            assertEquals(entry.getValue(), store.ledger().findByKey(workspace.id(), entry.getKey()).orElseThrow());
        }
        for (String key : bank.refused()) {
            assertTrue(store.ledger().findByKey(workspace.id(), key).isEmpty(), "a refused transfer left nothing: " + key);
        }
        long stored = Pages.stream(request -> store.ledger().listTransfers(workspace.id(), request),
                PageRequest.first(PageRequest.MAX_LIMIT)).count();
        assertEquals(acknowledged.size() + ACCOUNTS, stored, "every acknowledged transfer exists exactly once");
        LedgerReport report = store.ledger().verify();
        assertTrue(report.ok(), report.problems().toString());
    }

    @Test
    void theSameRequestFromManyThreadsAtOnceIsDoneExactlyOnce() throws Exception {
        Workspace workspace = newWorkspace("Race");
        Account mint = store.ledger().openPlatformAccount(NewAccount.system("mint", Ledger.CREDITS));
        Account wallet = store.ledger().openAccount(NewAccount.workspaceCredits(workspace.id()));
        TransferRequest request = TransferRequest.builder().workspaceId(workspace.id()).idempotencyKey("once")
                .debitAccountId(mint.id()).creditAccountId(wallet.id())
                .amount(250).type(TransferType.CREDIT).description("raced").build();
        List<Transfer> transfers = inThreads(THREADS, me -> store.ledger().platformTransfer(request));
        assertEquals(List.of(transfers.get(0)), transfers.stream().distinct().toList(), "every caller gets the one transfer");
        assertEquals(250, store.ledger().credits(workspace.id()));
        assertEquals(1, store.ledger().listTransfers(workspace.id(), PageRequest.first()).items().size());

        Account vendor = store.ledger().openAccount(new NewAccount(workspace.id(), "vendor", Ledger.CREDITS, false));
        Transfer hold = store.ledger().transfer(TransferRequest.builder().workspaceId(workspace.id()).idempotencyKey("hold")
                .debitAccountId(wallet.id()).creditAccountId(vendor.id())
                .amount(100).type(TransferType.DEBIT).build().asPending(null));
        Resolution post = Resolution.post(workspace.id(), "post-once", hold.id());
        List<Transfer> resolutions = inThreads(THREADS, me -> store.ledger().resolve(post));
        assertEquals(List.of(resolutions.get(0)), resolutions.stream().distinct().toList(),
                "every caller gets the one resolution");
        assertEquals(150, store.ledger().credits(workspace.id()));
        assertEquals(100, store.ledger().getAccount(workspace.id(), vendor.id()).balance());
        assertTrue(store.ledger().verify().ok());
    }
}
