package io.plinth.cli;

import io.plinth.core.Store;
import io.plinth.klepsydra.PulseProfile;
import io.plinth.ledger.Account;
import io.plinth.ledger.Ledger;
import io.plinth.ledger.LedgerReport;
import io.plinth.ledger.NewAccount;
import io.plinth.ledger.Resolution;
import io.plinth.ledger.Transfer;
import io.plinth.ledger.TransferRequest;
import io.plinth.ledger.TransferType;
import io.plinth.ledger.Tribute;
import io.plinth.tenancy.User;
import io.plinth.tenancy.Workspace;
import io.plinth.tenancy.WorkspaceId;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * The Obelisk Pay ledger's story (seed 000), a part of {@code plinth demo}: the demo's workspace buys
 * credits (the platform mints them), its owner plays a Folly Instrument (a TRIBUTE, committed in one
 * unit of work with the pulse profile it changes), an agent run reserves credits (a pending transfer)
 * and posts what it used, and the whole ledger is verified.
 */
final class LedgerScenario {
    static final long BOUGHT = 5_000;
    static final long TRIBUTE = 250;
    static final long RESERVED = 800;
    static final long USED = 600;

    private final Store store;
    private final DemoClock clock;

    LedgerScenario(Store store, DemoClock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** What the story did. */
    record Outcome(Transfer purchase, Transfer tribute, PulseProfile before, PulseProfile after, Transfer pending,
                   Transfer posted, long creditsAfterPurchase, long credits, Account wallet, LedgerReport report) {
    }

    Outcome run(Workspace workspace, User owner) {
        WorkspaceId ws = workspace.id();
        // The platform's accounts exist once per database: found if an earlier run opened them.
        Account mint = systemAccount("mint");
        Account instruments = systemAccount("folly-instruments");
        Account wallet = store.ledger().openAccount(NewAccount.workspaceCredits(ws));
        Account agents = store.ledger().openAccount(new NewAccount(ws, "agent-runs", Ledger.CREDITS, false));

        // A payment provider confirmed a purchase: the platform mints into the workspace's wallet.
        Transfer purchase = store.ledger().platformTransfer(TransferRequest.of(ws, "purchase-8812", mint.id(), wallet.id(),
                BOUGHT, TransferType.CREDIT, "5,000 ΞCredits bought"));
        long afterPurchase = store.ledger().credits(ws);

        // The owner plays a Folly Instrument and loses: the TRIBUTE and the pulse profile it changes
        // commit together, or neither does.
        PulseProfile before = store.pulseProfiles().create(owner.id());
        Tribute details = new Tribute("obsidian-dice", new BigDecimal("0.35"), "loss", 0, null);
        record Played(Transfer tribute, PulseProfile profile) {
        }
        Played played = store.inTransaction(tx -> {
            Transfer t = tx.ledger().transfer(TransferRequest.tribute(ws, "tribute-1", wallet.id(), instruments.id(),
                    TRIBUTE, "a tribute to the Obsidian Dice", details));
            PulseProfile p = tx.pulseProfiles().get(owner.id());
            PulseProfile changed = tx.pulseProfiles().update(p.after(clock.instant(), p.consecutiveLosses() + 1,
                    0.7, 0.3, 0.6));
            return new Played(t, changed);
        });

        // An agent run reserves credits for an hour, then posts what it used; the rest is released.
        Transfer pending = store.ledger().transfer(TransferRequest.of(ws, "agent-run-42", wallet.id(), agents.id(),
                RESERVED, TransferType.DEBIT, "agent run 42").asPending(clock.instant().plus(Duration.ofHours(1))));
        Transfer posted = store.ledger().resolve(Resolution.post(ws, "agent-run-42-done", pending.id(), USED));

        long credits = store.ledger().credits(ws);
        Account walletNow = store.ledger().getAccount(ws, wallet.id());
        return new Outcome(purchase, played.tribute(), before, played.profile(), pending, posted, afterPurchase, credits,
                walletNow, store.ledger().verify());
    }

    private Account systemAccount(String code) {
        return store.ledger().findAccount(null, code, Ledger.CREDITS)
                .orElseGet(() -> store.ledger().openPlatformAccount(NewAccount.system(code, Ledger.CREDITS)));
    }
}
