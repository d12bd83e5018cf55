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
        Account mint = store.ledger().findOrOpenPlatformAccount(NewAccount.system("mint", Ledger.CREDITS));
        Account instruments = store.ledger().findOrOpenPlatformAccount(
                NewAccount.system("folly-instruments", Ledger.CREDITS));
        Account wallet = store.ledger().findOrOpenAccount(NewAccount.workspaceCredits(ws));
        Account agents = store.ledger().findOrOpenAccount(NewAccount.builder()
                .workspaceId(ws).code("agent-runs").unit(Ledger.CREDITS).build());

        // A payment provider confirmed a purchase: the platform mints into the workspace's wallet.
        Transfer purchase = store.ledger().platformTransfer(TransferRequest.builder()
                .workspaceId(ws).idempotencyKey("purchase-8812")
                .debitAccountId(mint.id()).creditAccountId(wallet.id())
                .amount(BOUGHT).type(TransferType.CREDIT).description("5,000 ΞCredits bought")
                .build());
        long afterPurchase = store.ledger().credits(ws);

        // The owner plays a Folly Instrument and loses: the TRIBUTE and the pulse profile it changes
        // commit together, or neither does.
        PulseProfile before = store.pulseProfiles().create(owner.id());
        Tribute details = Tribute.builder().instrumentId("obsidian-dice").luckWeight(new BigDecimal("0.35"))
                .outcome("loss").boonAmount(0).build();
        record Played(Transfer tribute, PulseProfile profile) {
        }
        Played played = store.inTransaction(tx -> {
            Transfer t = tx.ledger().transfer(TransferRequest.builder()
                    .workspaceId(ws).idempotencyKey("tribute-1")
                    .debitAccountId(wallet.id()).creditAccountId(instruments.id())
                    .amount(TRIBUTE).type(TransferType.TRIBUTE).tribute(details)
                    .description("a tribute to the Obsidian Dice")
                    .build());
            PulseProfile p = tx.pulseProfiles().get(owner.id());
            PulseProfile changed = tx.pulseProfiles().update(p.after(clock.instant(), p.consecutiveLosses() + 1,
                    0.7, 0.3, 0.6));
            return new Played(t, changed);
        });

        // An agent run reserves credits for an hour, then posts what it used; the rest is released.
        Transfer pending = store.ledger().transfer(TransferRequest.builder()
                .workspaceId(ws).idempotencyKey("agent-run-42")
                .debitAccountId(wallet.id()).creditAccountId(agents.id())
                .amount(RESERVED).type(TransferType.DEBIT).description("agent run 42")
                .pending(true).expiresAt(clock.instant().plus(Duration.ofHours(1)))
                .build());
        Transfer posted = store.ledger().resolve(Resolution.post(ws, "agent-run-42-done", pending.id(), USED));

        long credits = store.ledger().credits(ws);
        Account walletNow = store.ledger().getAccount(ws, wallet.id());
        return new Outcome(purchase, played.tribute(), before, played.profile(), pending, posted, afterPurchase, credits,
                walletNow, store.ledger().verify());
    }
}
