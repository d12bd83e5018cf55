package io.plinth.cli.bench;

import io.plinth.core.PageRequest;
import io.plinth.core.Pages;
import io.plinth.ledger.Account;
import io.plinth.ledger.AccountId;
import io.plinth.ledger.LedgerReport;
import io.plinth.ledger.LedgerRepository;
import io.plinth.ledger.NewAccount;
import io.plinth.ledger.TransferOutcome;
import io.plinth.ledger.TransferRequest;
import io.plinth.ledger.TransferType;
import io.plinth.postgres.PostgresStore;
import io.plinth.tenancy.NewUser;
import io.plinth.tenancy.NewWorkspace;
import io.plinth.tenancy.User;
import io.plinth.tenancy.WorkspaceId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The Plinth side: the same random transfers through {@code store.ledger()}, each call its own
 * auto-committed unit of work. Every run gets a workspace of its own, so its idempotency keys
 * ({@code t<thread>-<counter>}) are unique without a run prefix, and its own mint account.
 */
public final class PlinthTransfers {
    /** Largest batch used to fund the accounts. */
    private static final int FUNDING_BATCH = 1000;

    private final LedgerRepository ledger;
    private final WorkspaceId workspace;
    private final List<AccountId> accounts;
    private final LedgerMode mode;
    private final int batch;

    /** How the Plinth side makes its transfers. */
    public enum LedgerMode {
        /** Concurrent single {@code transfer} calls (group commit carries them together when it is on). */
        SINGLE,
        /** {@code transferEach} of a batch: independent transfers, one call. */
        EACH,
        /** {@code transferAll} of a batch: linked transfers, all or nothing. */
        LINKED
    }

    private PlinthTransfers(LedgerRepository ledger, WorkspaceId workspace, List<AccountId> accounts, LedgerMode mode,
                            int batch) {
        this.ledger = ledger;
        this.workspace = workspace;
        this.accounts = accounts;
        this.mode = mode;
        this.batch = batch;
    }

    /**
     * Creates the run's owner, workspace and {@code accountCount} accounts ({@code bench-0}
     * …), and funds each with {@code startingBalance} from the system account
     * {@code bench-mint-<run>}, in platform transfers (the only kind that may debit a system account).
     * Each client's call makes one transfer ({@link LedgerMode#SINGLE}) or a batch of {@code batch}.
     */
    static PlinthTransfers setUp(PostgresStore store, String run, int accountCount, LedgerMode mode, int batch,
                                 long startingBalance) {
        User owner = store.users().create(NewUser.of("bench-" + run + "@bench.plinth.invalid", "Ledger bench " + run));
        WorkspaceId workspace = store.workspaces().create(NewWorkspace.of("Ledger bench " + run, owner.id())).id();
        AccountId mint = store.ledger().openPlatformAccount(NewAccount.system("bench-mint-" + run, "XCR")).id();
        List<AccountId> accounts = store.inTransaction(tx -> {
            List<AccountId> opened = new ArrayList<>(accountCount);
            for (int i = 0; i < accountCount; i++) {
                opened.add(tx.ledger().openAccount(new NewAccount(workspace, "bench-" + i, "XCR", false)).id());
            }
            return opened;
        });
        List<TransferRequest> funding = new ArrayList<>(FUNDING_BATCH);
        for (int i = 0; i < accounts.size(); i++) {
            funding.add(TransferRequest.builder().workspaceId(workspace).idempotencyKey("fund-" + i)
                    .debitAccountId(mint).creditAccountId(accounts.get(i))
                    .amount(startingBalance).type(TransferType.CREDIT).description("bench funding").build());
            if (funding.size() == FUNDING_BATCH || i == accounts.size() - 1) {
                store.ledger().platformTransferAll(funding);
                funding.clear();
            }
        }
        return new PlinthTransfers(store.ledger(), workspace, List.copyOf(accounts), mode, batch);
    }

    /** A client for one thread: one random transfer per call, or a batch of them as the mode says. */
    private final java.util.concurrent.atomic.AtomicInteger clients = new java.util.concurrent.atomic.AtomicInteger();

    public Phase.Client client(int index) {
        // Unique per client ever made, so a later round never repeats an earlier round's keys.
        return new Client("c" + clients.incrementAndGet() + "-");
    }

    private final class Client implements Phase.Client {
        private final String keyPrefix;
        private long next;

        Client(String keyPrefix) {
            this.keyPrefix = keyPrefix;
        }

        @Override
        public int call() {
            if (mode == LedgerMode.SINGLE) {
                ledger.transfer(random(keyPrefix + next++));
                return 1;
            }
            List<TransferRequest> requests = new ArrayList<>(batch);
            for (int i = 0; i < batch; i++) {
                requests.add(random(keyPrefix + next++));
            }
            if (mode == LedgerMode.LINKED) {
                return ledger.transferAll(requests).size();
            }
            int done = 0;
            for (TransferOutcome outcome : ledger.transferEach(requests)) {
                outcome.orThrow();
                done++;
            }
            return done;
        }
    }

    private TransferRequest random(String key) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int from = random.nextInt(accounts.size());
        int to = random.nextInt(accounts.size() - 1);
        if (to >= from) {
            to++;
        }
        return TransferRequest.builder().workspaceId(workspace).idempotencyKey(key)
                .debitAccountId(accounts.get(from)).creditAccountId(accounts.get(to))
                .amount(1 + random.nextInt(100)).type(TransferType.DEBIT).build();
    }

    /** The sum of the run's account balances (unchanged by any number of transfers between them). */
    public long totalBalance() {
        return Pages.stream(request -> ledger.listAccounts(workspace, request), PageRequest.first(PageRequest.MAX_LIMIT))
                .mapToLong(Account::balance).sum();
    }

    /** Checks the whole ledger (every run's transfers, not only this one's). */
    public LedgerReport verify() {
        return ledger.verify();
    }
}
