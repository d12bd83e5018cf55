package io.plinth.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plinth.core.ConflictException;
import io.plinth.core.InsufficientFundsException;
import io.plinth.core.NotFoundException;
import io.plinth.ledger.Account;
import io.plinth.ledger.AccountId;
import io.plinth.ledger.Ledger;
import io.plinth.ledger.LedgerReport;
import io.plinth.ledger.NewAccount;
import io.plinth.ledger.Resolution;
import io.plinth.ledger.Transfer;
import io.plinth.ledger.TransferId;
import io.plinth.ledger.TransferRequest;
import io.plinth.ledger.TransferType;
import io.plinth.tenancy.Workspace;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * When a request breaks more than one rule, every backend reports the same error: the first broken
 * rule in the order {@link io.plinth.ledger.LedgerRepository} documents. Each test breaks two (or
 * more) rules at once and expects the earlier one.
 */
public abstract class LedgerErrorOrderContract extends StoreContract {
    private Workspace workspace;
    private Account mint;
    private Account burn;
    /** A workspace account with nothing on it. */
    private Account wallet;
    /** A workspace account with 100 on it. */
    private Account funded;
    private Account vendor;
    /** A workspace account of another unit. */
    private Account gems;
    /** A workspace account holding {@code Long.MAX_VALUE}: any credit overflows it. */
    private Account whale;
    private Account theirs;
    private int keys;

    @BeforeEach
    final void openAccounts() {
        workspace = newWorkspace("Precedence");
        mint = store.ledger().openPlatformAccount(NewAccount.system("mint", Ledger.CREDITS));
        burn = store.ledger().openPlatformAccount(NewAccount.system("burn", Ledger.CREDITS));
        wallet = store.ledger().openAccount(NewAccount.workspaceCredits(workspace.id()));
        funded = open("funded", Ledger.CREDITS);
        vendor = open("vendor", Ledger.CREDITS);
        gems = open("gems", "GEM");
        whale = open("whale", Ledger.CREDITS);
        mint(mint, funded, 100);
        mint(store.ledger().openPlatformAccount(NewAccount.system("whale-mint", Ledger.CREDITS)), whale, Long.MAX_VALUE);
        Workspace other = newWorkspace("Other");
        theirs = store.ledger().openAccount(NewAccount.workspaceCredits(other.id()));
    }

    private Account open(String code, String unit) {
        return store.ledger().openAccount(new NewAccount(workspace.id(), code, unit, false));
    }

    private void mint(Account from, Account to, long amount) {
        store.ledger().platformTransfer(TransferRequest.builder().workspaceId(workspace.id()).idempotencyKey(key())
                .debitAccountId(from.id()).creditAccountId(to.id())
                .amount(amount).type(TransferType.CREDIT).description("minted").build());
    }

    private String key() {
        return "order-" + (++keys);
    }

    private TransferRequest request(String key, AccountId from, AccountId to, long amount) {
        return TransferRequest.builder().workspaceId(workspace.id()).idempotencyKey(key)
                .debitAccountId(from).creditAccountId(to).amount(amount).type(TransferType.DEBIT).build();
    }

    private TransferRequest request(AccountId from, AccountId to, long amount) {
        return request(key(), from, to, amount);
    }

    private void assertSound() {
        LedgerReport report = store.ledger().verify();
        assertTrue(report.ok(), report.problems().toString());
    }

    @Test
    void anUnknownAccountComesBeforeAReusedKey() {
        TransferRequest first = request(funded.id(), vendor.id(), 1);
        store.ledger().transfer(first);
        String used = first.idempotencyKey();
        assertFailsAndWritesNothing(NotFoundException.class,
                () -> store.ledger().transfer(request(used, funded.id(), AccountId.generate(), 1)));
        assertFailsAndWritesNothing(NotFoundException.class,
                () -> store.ledger().transfer(request(used, AccountId.generate(), vendor.id(), 1)));
        assertFailsAndWritesNothing(NotFoundException.class,
                () -> store.ledger().transfer(request(used, funded.id(), theirs.id(), 1)));
        assertFailsAndWritesNothing(NotFoundException.class, () -> store.ledger().transferAll(
                List.of(request(funded.id(), vendor.id(), 1), request(used, funded.id(), AccountId.generate(), 1))));
        assertSound();
    }

    @Test
    void theDebitAccountIsLookedUpBeforeTheCredit() {
        AccountId debit = AccountId.generate();
        NotFoundException error = assertFailsAndWritesNothing(NotFoundException.class,
                () -> store.ledger().transfer(request(debit, AccountId.generate(), 1)));
        assertTrue(error.getMessage().contains(debit.toString()), error.getMessage());
        error = assertFailsAndWritesNothing(NotFoundException.class,
                () -> store.ledger().transfer(request(theirs.id(), AccountId.generate(), 1)));
        assertTrue(error.getMessage().contains(theirs.id().toString()), error.getMessage());
    }

    @Test
    void anUnknownAccountComesBeforeEveryRuleOfTheRequest() {
        assertFailsAndWritesNothing(NotFoundException.class,
                () -> store.ledger().transfer(request(wallet.id(), AccountId.generate(), 1)));
        assertFailsAndWritesNothing(NotFoundException.class,
                () -> store.ledger().transfer(request(mint.id(), theirs.id(), 1)));
        assertFailsAndWritesNothing(NotFoundException.class,
                () -> store.ledger().transfer(request(funded.id(), theirs.id(), 1)
                        .asPending(clock.instant().minusSeconds(1))));
        assertFailsAndWritesNothing(NotFoundException.class,
                () -> store.ledger().transfer(request(theirs.id(), whale.id(), 1)));
    }

    @Test
    void aSystemDebitComesAfterTheAccountsAndBeforeEveryOtherRule() {
        assertFailsAndWritesNothing(NotFoundException.class,
                () -> store.ledger().transfer(request(mint.id(), AccountId.generate(), 1)));
        TransferRequest minted = request(mint.id(), wallet.id(), 5);
        store.ledger().platformTransfer(minted);
        assertInvalid("debitAccountId", () -> store.ledger().transfer(minted));
        assertInvalid("debitAccountId", () -> store.ledger().transfer(request(minted.idempotencyKey(), mint.id(), vendor.id(), 6)));
        assertInvalid("debitAccountId", () -> store.ledger().transfer(request(mint.id(), burn.id(), 1)));
        assertInvalid("debitAccountId", () -> store.ledger().transfer(request(mint.id(), gems.id(), 1)
                .asPending(clock.instant())));
        assertInvalid("debitAccountId", () -> store.ledger().transfer(request(mint.id(), whale.id(), 1)));
        assertInvalid("debitAccountId", () -> store.ledger().transferAll(List.of(request(funded.id(), vendor.id(), 1),
                request(mint.id(), whale.id(), 1), request(wallet.id(), vendor.id(), 1))));
        assertFailsAndWritesNothing(InsufficientFundsException.class, () -> store.ledger().transferAll(List.of(
                request(wallet.id(), vendor.id(), 10), request(mint.id(), vendor.id(), 1))));
        assertFailsAndWritesNothing(ConflictException.class,
                () -> store.ledger().platformTransfer(request(minted.idempotencyKey(), mint.id(), vendor.id(), 6)));
        assertInvalid("amount", () -> store.ledger().platformTransfer(request(mint.id(), whale.id(), 1)));
        assertSound();
    }

    @Test
    void aReusedKeyComesBeforeEveryRuleOfTheRequest() {
        TransferRequest first = request(funded.id(), vendor.id(), 1);
        store.ledger().transfer(first);
        String used = first.idempotencyKey();
        assertFailsAndWritesNothing(ConflictException.class,
                () -> store.ledger().platformTransfer(request(used, mint.id(), burn.id(), 1)));
        assertFailsAndWritesNothing(ConflictException.class,
                () -> store.ledger().transfer(request(used, funded.id(), gems.id(), 1)));
        assertFailsAndWritesNothing(ConflictException.class,
                () -> store.ledger().transfer(request(used, funded.id(), vendor.id(), 1).asPending(clock.instant())));
        assertFailsAndWritesNothing(ConflictException.class,
                () -> store.ledger().transfer(request(used, funded.id(), whale.id(), 1)));
        assertFailsAndWritesNothing(ConflictException.class,
                () -> store.ledger().transfer(request(used, wallet.id(), vendor.id(), 1)));
        assertFailsAndWritesNothing(ConflictException.class, () -> store.ledger().transferAll(
                List.of(request(funded.id(), vendor.id(), 1), request(used, wallet.id(), whale.id(), 1))));
        assertSound();
    }

    @Test
    void aRepeatReturnsTheOriginalWhateverHasChangedSince() {
        TransferRequest spent = request(funded.id(), vendor.id(), 60);
        Transfer first = store.ledger().transfer(spent);
        TransferRequest held = request(funded.id(), vendor.id(), 40).asPending(clock.instant().plus(Duration.ofMinutes(1)));
        Transfer hold = store.ledger().transfer(held);
        clock.advance(Duration.ofMinutes(2));
        assertEquals(first, store.ledger().transfer(spent), "funds no longer suffice, yet the repeat returns the original");
        assertEquals(hold, store.ledger().transfer(held), "the expiry has passed, yet the repeat returns the original");
        assertEquals(List.of(first, hold), store.ledger().transferAll(List.of(spent, held)));
        assertEquals(0, store.ledger().getAccount(workspace.id(), funded.id()).available());
        assertSound();
    }

    @Test
    void twoSystemAccountsComeBeforeUnitsAndFunds() {
        Account gemMint = store.ledger().openPlatformAccount(NewAccount.system("mint", "GEM"));
        assertInvalid("workspaceId", () -> store.ledger().platformTransfer(request(mint.id(), gemMint.id(), 1)));
        assertInvalid("workspaceId", () -> store.ledger().platformTransfer(request(mint.id(), burn.id(), 1)
                .asPending(clock.instant())));
    }

    @Test
    void unitsComeBeforeExpiryOverflowAndFunds() {
        Account gemMint = store.ledger().openPlatformAccount(NewAccount.system("mint", "GEM"));
        Account gemWhale = open("gem-whale", "GEM");
        store.ledger().platformTransfer(request(gemMint.id(), gemWhale.id(), Long.MAX_VALUE));
        assertInvalid("creditAccountId", () -> store.ledger().transfer(request(wallet.id(), gems.id(), 1)));
        assertInvalid("creditAccountId", () -> store.ledger().transfer(request(wallet.id(), gemWhale.id(), 1)));
        assertInvalid("creditAccountId", () -> store.ledger().transfer(request(wallet.id(), gems.id(), 1)
                .asPending(clock.instant())));
    }

    @Test
    void aPastExpiryComesBeforeOverflowAndFunds() {
        assertInvalid("expiresAt", () -> store.ledger().transfer(request(wallet.id(), vendor.id(), 1)
                .asPending(clock.instant())));
        store.ledger().transfer(request(whale.id(), vendor.id(), Long.MAX_VALUE - 1).asPending(null));
        assertInvalid("expiresAt", () -> store.ledger().transfer(request(whale.id(), vendor.id(), 5)
                .asPending(clock.instant().minusSeconds(1))));
    }

    @Test
    void anOverflowComesBeforeInsufficientFunds() {
        assertInvalid("amount", () -> store.ledger().transfer(request(wallet.id(), whale.id(), 1)));
        assertInvalid("amount", () -> store.ledger().transfer(request(funded.id(), whale.id(), 101)));
        assertInvalid("amount", () -> store.ledger().transferAll(
                List.of(request(funded.id(), vendor.id(), 1), request(wallet.id(), whale.id(), 1))));
        store.ledger().transfer(request(whale.id(), vendor.id(), Long.MAX_VALUE - 1).asPending(null));
        assertInvalid("amount", () -> store.ledger().transfer(request(whale.id(), vendor.id(), 2).asPending(null)));
        assertSound();
    }

    @Test
    void aBatchReportsTheFirstBrokenRuleOfItsFirstBrokenRequest() {
        InsufficientFundsException unfunded = assertFailsAndWritesNothing(InsufficientFundsException.class,
                () -> store.ledger().transferAll(List.of(request(funded.id(), vendor.id(), 1),
                        request(wallet.id(), vendor.id(), 1), request(funded.id(), AccountId.generate(), 1))));
        assertTrue(unfunded.getMessage().contains(wallet.id().toString()), unfunded.getMessage());
        assertFailsAndWritesNothing(NotFoundException.class, () -> store.ledger().transferAll(List.of(
                request(funded.id(), vendor.id(), 1), request(funded.id(), theirs.id(), 1), request(wallet.id(), vendor.id(), 1))));
        assertInvalid("amount", () -> store.ledger().transferAll(List.of(request(funded.id(), whale.id(), 1),
                request(funded.id(), gems.id(), 1))));
        assertSound();
    }

    @Test
    void aBatchMustBeAListOfOneToMaxRequestsNoneNull() {
        assertInvalid("requests", () -> store.ledger().transferAll(null));
        assertInvalid("requests", () -> store.ledger().transferAll(List.of()));
        assertInvalid("requests[1]", () -> store.ledger().transferAll(
                Arrays.asList(request(funded.id(), vendor.id(), 1), null)));
        assertInvalid("requests[1]", () -> store.ledger().transferAll(
                Arrays.asList(request(wallet.id(), vendor.id(), 1), null)));
    }

    @Test
    void aResolutionsKeyComesBeforeItsPendingTransfer() {
        Transfer posted = store.ledger().transfer(request(funded.id(), vendor.id(), 1));
        String used = posted.idempotencyKey();
        assertFailsAndWritesNothing(ConflictException.class,
                () -> store.ledger().resolve(Resolution.post(workspace.id(), used, TransferId.generate())));
        assertFailsAndWritesNothing(ConflictException.class,
                () -> store.ledger().resolve(Resolution.voidPending(workspace.id(), used, posted.id())));
        Transfer hold = store.ledger().transfer(request(funded.id(), vendor.id(), 5).asPending(null));
        assertFailsAndWritesNothing(ConflictException.class,
                () -> store.ledger().resolve(Resolution.post(workspace.id(), used, hold.id(), 6)));
        assertSound();
    }

    @Test
    void aResolutionChecksPendingThenUnresolvedThenExpiryThenAmount() {
        Transfer posted = store.ledger().transfer(request(funded.id(), vendor.id(), 1));
        assertInvalid("pendingId", () -> store.ledger().resolve(Resolution.post(workspace.id(), key(), posted.id(), 2)));
        assertFailsAndWritesNothing(NotFoundException.class,
                () -> store.ledger().resolve(Resolution.post(workspace.id(), key(), TransferId.generate(), 1)));

        Transfer swept = store.ledger().transfer(request(funded.id(), vendor.id(), 10).asPending(clock.instant().plusSeconds(60)));
        Transfer expired = store.ledger().transfer(request(funded.id(), vendor.id(), 10).asPending(clock.instant().plusSeconds(90)));
        clock.advance(Duration.ofSeconds(60));
        assertEquals(1, store.ledger().expirePending());
        clock.advance(Duration.ofSeconds(60));
        ConflictException resolved = assertFailsAndWritesNothing(ConflictException.class,
                () -> store.ledger().resolve(Resolution.post(workspace.id(), key(), swept.id(), 11)));
        assertTrue(resolved.getMessage().contains("already resolved"), resolved.getMessage());
        ConflictException late = assertFailsAndWritesNothing(ConflictException.class,
                () -> store.ledger().resolve(Resolution.post(workspace.id(), key(), expired.id(), 11)));
        assertTrue(late.getMessage().contains("expired"), late.getMessage());
        store.ledger().resolve(Resolution.voidPending(workspace.id(), key(), expired.id()));
        assertSound();
    }
}
