package io.plinth.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plinth.core.ConflictException;
import io.plinth.core.InsufficientFundsException;
import io.plinth.core.InvalidInputException;
import io.plinth.core.Json;
import io.plinth.core.NotFoundException;
import io.plinth.core.PageRequest;
import io.plinth.core.Pages;
import io.plinth.ledger.Account;
import io.plinth.ledger.AccountId;
import io.plinth.ledger.Entry;
import io.plinth.ledger.Ledger;
import io.plinth.ledger.LedgerReport;
import io.plinth.ledger.NewAccount;
import io.plinth.ledger.Resolution;
import io.plinth.ledger.Transfer;
import io.plinth.ledger.TransferId;
import io.plinth.ledger.TransferKind;
import io.plinth.ledger.TransferOutcome;
import io.plinth.ledger.TransferRequest;
import io.plinth.ledger.TransferType;
import io.plinth.ledger.Tribute;
import io.plinth.tenancy.Workspace;
import io.plinth.tenancy.WorkspaceId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The guarantees of {@link io.plinth.ledger.LedgerRepository}, on every backend. */
public abstract class LedgerContract extends StoreContract {
    protected Workspace workspace;
    protected Account mint;
    protected Account wallet;
    protected Account vendor;
    private int keys;

    @BeforeEach
    final void openAccounts() {
        workspace = newWorkspace("Obelisk");
        mint = store.ledger().openPlatformAccount(NewAccount.system("mint", Ledger.CREDITS));
        wallet = store.ledger().openAccount(NewAccount.workspaceCredits(workspace.id()));
        vendor = store.ledger().openAccount(new NewAccount(workspace.id(), "vendor", Ledger.CREDITS, false));
    }

    protected String key() {
        return "key-" + (++keys);
    }

    protected TransferRequest pay(Account from, Account to, long amount) {
        return TransferRequest.builder().workspaceId(workspace.id()).idempotencyKey(key())
                .debitAccountId(from.id()).creditAccountId(to.id())
                .amount(amount).type(TransferType.DEBIT).description("payment").build();
    }

    protected Transfer mintTo(Account to, long amount) {
        return store.ledger().platformTransfer(TransferRequest.builder().workspaceId(workspace.id()).idempotencyKey(key())
                .debitAccountId(mint.id()).creditAccountId(to.id())
                .amount(amount).type(TransferType.CREDIT).description("minted").build());
    }

    protected long balance(Account account) {
        return (account.isSystem() ? store.ledger().getSystemAccount(account.id())
                : store.ledger().getAccount(account.workspaceId(), account.id())).balance();
    }

    protected void assertSound() {
        LedgerReport report = store.ledger().verify();
        assertTrue(report.ok(), report.problems().toString());
    }

    @Test
    void aTransferMovesTheExactAmountAndWorkspaceCreditsFollowIt() {
        mintTo(wallet, 1_000);
        Transfer paid = store.ledger().transfer(pay(wallet, vendor, 250));
        assertEquals(TransferKind.POSTED, paid.kind());
        assertEquals(Ledger.CREDITS, paid.unit());
        assertEquals(750, balance(wallet));
        assertEquals(250, balance(vendor));
        assertEquals(-1_000, balance(mint));
        assertEquals(750, store.ledger().credits(workspace.id()));
        assertEquals(paid, store.ledger().getTransfer(workspace.id(), paid.id()));
        assertEquals(0, store.ledger().credits(newWorkspace("Penniless").id()));
        assertSound();
    }

    @Test
    void transferEachRunsEveryRequestOnItsOwnAndEachFailsExactlyAsALoneTransferWould() {
        mintTo(wallet, 100);
        TransferRequest first = pay(wallet, vendor, 60);
        List<TransferRequest> requests = List.of(
                first,
                pay(wallet, vendor, 500),
                TransferRequest.builder().workspaceId(workspace.id()).idempotencyKey(key()).debitAccountId(AccountId.generate()).creditAccountId(vendor.id()).amount(1).type(TransferType.DEBIT).description("nowhere").build(),
                TransferRequest.builder().workspaceId(workspace.id()).idempotencyKey(key()).debitAccountId(mint.id()).creditAccountId(wallet.id()).amount(5).type(TransferType.CREDIT).description("self-minted").build(),
                first,
                TransferRequest.builder().workspaceId(workspace.id()).idempotencyKey(first.idempotencyKey()).debitAccountId(wallet.id()).creditAccountId(vendor.id()).amount(61).type(TransferType.DEBIT).description("again").build(),
                pay(vendor, wallet, 10));
        List<TransferOutcome> outcomes = store.ledger().transferEach(requests);

        assertEquals(requests.size(), outcomes.size());
        assertTrue(outcomes.get(0).succeeded());
        assertEquals(InsufficientFundsException.class, outcomes.get(1).error().getClass());
        assertEquals(NotFoundException.class, outcomes.get(2).error().getClass());
        assertEquals("debitAccountId", ((InvalidInputException) outcomes.get(3).error()).field());
        assertEquals(outcomes.get(0).transfer(), outcomes.get(4).transfer());
        assertEquals(ConflictException.class, outcomes.get(5).error().getClass());
        assertTrue(outcomes.get(6).succeeded());
        assertEquals(50, balance(wallet));
        assertEquals(50, balance(vendor));
        assertEquals(outcomes.get(6).transfer(), store.ledger().getTransfer(workspace.id(), outcomes.get(6).transfer().id()));
        for (int i : new int[] {1, 2, 3, 5}) {
            TransferRequest request = requests.get(i);
            RuntimeException lone = assertThrows(RuntimeException.class, () -> store.ledger().transfer(request));
            RuntimeException batched = outcomes.get(i).error();
            assertEquals(lone.getClass(), batched.getClass(), "request " + i);
            if (i != 1) { // the funds message names the balance of its moment
                assertEquals(lone.getMessage(), batched.getMessage(), "request " + i);
            }
            if (lone instanceof InvalidInputException invalid) {
                assertEquals(invalid.field(), ((InvalidInputException) batched).field());
            }
        }
        assertThrows(InsufficientFundsException.class, () -> outcomes.get(1).orThrow());
        assertEquals(outcomes.get(0).transfer(), outcomes.get(0).orThrow());
        assertSound();
    }

    @Test
    void transferEachOfRequestsThatAllSucceedGivesWhatLoneTransfersWouldInOrder() {
        mintTo(wallet, 100);
        TransferRequest first = pay(wallet, vendor, 10);
        Transfer earlier = store.ledger().transfer(first);
        List<TransferOutcome> replaying = store.ledger().transferEach(List.of(pay(wallet, vendor, 20), first,
                pay(vendor, wallet, 5)));
        assertTrue(replaying.stream().allMatch(TransferOutcome::succeeded));
        assertEquals(earlier, replaying.get(1).transfer());
        List<TransferOutcome> fresh = store.ledger().transferEach(List.of(pay(wallet, vendor, 1), pay(wallet, vendor, 2)));
        assertEquals(List.of(1L, 2L), fresh.stream().map(o -> o.transfer().amount()).toList());
        assertEquals(72, balance(wallet));
        assertEquals(28, balance(vendor));
        List<Entry> history = Pages.stream(request -> store.ledger().history(workspace.id(), wallet.id(), request),
                PageRequest.first(10)).toList();
        assertEquals(List.of(100L, -10L, -20L, 5L, -1L, -2L), history.stream().map(Entry::amount).toList());
        assertEquals(List.of(100L, 90L, 70L, 75L, 74L, 72L), history.stream().map(Entry::balanceAfter).toList());
        assertSound();
    }

    /**
     * 150 requests, longer than one commit's part on PostgreSQL (64): every fifth one overdraws, the
     * others pay 1, 2, 3, … until the wallet runs dry (in the second part), and the last one repeats
     * the first request's key. The outcomes still come in order, each as a lone call would have had
     * it at its place, with the balances those that succeeded leave.
     */
    @Test
    void aLongTransferEachKeepsItsOrderAndEachOutcomeAcrossItsWholeLength() {
        mintTo(wallet, 5_000);
        List<TransferRequest> requests = new ArrayList<>();
        for (int i = 0; i < 149; i++) {
            requests.add(i % 5 == 4 ? pay(wallet, vendor, 100_000) : pay(wallet, vendor, i + 1));
        }
        requests.add(requests.get(0));
        List<TransferOutcome> outcomes = store.ledger().transferEach(requests);

        assertEquals(requests.size(), outcomes.size());
        long left = 5_000;
        int dry = -1;
        for (int i = 0; i < 149; i++) {
            long amount = requests.get(i).amount();
            if (amount <= left) {
                assertEquals(amount, outcomes.get(i).transfer().amount(), "request " + i);
                assertEquals(requests.get(i).idempotencyKey(), outcomes.get(i).transfer().idempotencyKey());
                left -= amount;
            } else {
                assertEquals(InsufficientFundsException.class, outcomes.get(i).error().getClass(), "request " + i);
                dry = i % 5 == 4 || dry >= 0 ? dry : i;
            }
        }
        assertTrue(dry > 64 && dry < 128, "the wallet runs dry in the second part, at " + dry);
        assertEquals(outcomes.get(0).transfer(), outcomes.get(149).transfer());
        assertEquals(left, balance(wallet));
        assertEquals(5_000 - left, balance(vendor));
        assertSound();
    }

    @Test
    void transferEachRefusesABadBatchWholeAndWritesNothing() {
        mintTo(wallet, 100);
        assertEquals("requests", assertThrows(InvalidInputException.class,
                () -> store.ledger().transferEach(List.of())).field());
        List<TransferRequest> tooMany = new ArrayList<>();
        for (int i = 0; i <= Ledger.MAX_BATCH; i++) {
            tooMany.add(pay(wallet, vendor, 1));
        }
        assertEquals("requests", assertThrows(InvalidInputException.class,
                () -> store.ledger().transferEach(tooMany)).field());
        List<TransferRequest> withNull = new ArrayList<>();
        withNull.add(pay(wallet, vendor, 1));
        withNull.add(null);
        assertEquals("requests[1]", assertThrows(InvalidInputException.class,
                () -> store.ledger().transferEach(withNull)).field());
        assertEquals(100, balance(wallet));
        assertEquals(1, store.ledger().listTransfers(workspace.id(), PageRequest.first(10)).items().size());
    }

    @Test
    void transferEachInsideAUnitOfWorkCommitsAndRollsBackWithIt() {
        mintTo(wallet, 100);
        assertThrows(IllegalStateException.class, () -> store.inTransaction(tx -> {
            tx.ledger().transferEach(List.of(pay(wallet, vendor, 10), pay(wallet, vendor, 1_000)));
            throw new IllegalStateException("changed its mind");
        }));
        assertEquals(100, balance(wallet));
        List<TransferOutcome> outcomes = store.inTransaction(tx -> {
            tx.ledger().transfer(pay(wallet, vendor, 5));
            return tx.ledger().transferEach(List.of(pay(wallet, vendor, 1_000), pay(wallet, vendor, 10)));
        });
        assertEquals(InsufficientFundsException.class, outcomes.get(0).error().getClass());
        assertTrue(outcomes.get(1).succeeded());
        assertEquals(85, balance(wallet));
        assertSound();
    }

    @Test
    void historyShowsEntriesInOrderWithTheRunningBalanceAndBalancesAtPointsInTime() {
        Instant start = clock.instant();
        mintTo(wallet, 100);
        clock.advance(Duration.ofMinutes(1));
        Instant paid = clock.instant();
        store.ledger().transfer(pay(wallet, vendor, 30));
        clock.advance(Duration.ofMinutes(1));
        store.ledger().transfer(pay(wallet, vendor, 20));
        mintTo(wallet, 5);

        List<Entry> seen = Pages.stream(request -> store.ledger().history(workspace.id(), wallet.id(), request),
                PageRequest.first(3)).toList();
        assertEquals(List.of(100L, -30L, -20L, 5L), seen.stream().map(Entry::amount).toList());
        assertEquals(List.of(100L, 70L, 50L, 55L), seen.stream().map(Entry::balanceAfter).toList());
        assertEquals(List.of(1L, 2L, 3L, 4L), seen.stream().map(Entry::sequence).toList());
        assertEquals(0, store.ledger().balanceAt(workspace.id(), wallet.id(), start.minusSeconds(1)));
        assertEquals(100, store.ledger().balanceAt(workspace.id(), wallet.id(), start));
        assertEquals(100, store.ledger().balanceAt(workspace.id(), wallet.id(), paid.minusNanos(1000)));
        assertEquals(70, store.ledger().balanceAt(workspace.id(), wallet.id(), paid));
        assertEquals(70, store.ledger().balanceAt(workspace.id(), wallet.id(), paid.plusSeconds(59)));
        assertEquals(55, store.ledger().balanceAt(workspace.id(), wallet.id(), clock.instant()));
    }

    @Test
    void balanceAtTruncatesSubMicrosecondInstantsNeverRounds() {
        Instant before = clock.instant();
        clock.advance(Duration.ofNanos(1000));
        mintTo(wallet, 100);
        Instant minted = clock.instant();
        // 999 ns past the instant before the transfer truncates to it: rounding would reach the transfer's.
        assertEquals(0, store.ledger().balanceAt(workspace.id(), wallet.id(), before.plusNanos(999)));
        assertEquals(0, store.ledger().balanceAt(workspace.id(), wallet.id(), before.plusNanos(500)));
        assertEquals(100, store.ledger().balanceAt(workspace.id(), wallet.id(), minted));
        assertEquals(100, store.ledger().balanceAt(workspace.id(), wallet.id(), minted.plusNanos(999)));
    }

    @Test
    void aWorkspaceAccountNeverGoesNegative() {
        mintTo(wallet, 10);
        assertFailsAndWritesNothing(InsufficientFundsException.class, () -> store.ledger().transfer(pay(wallet, vendor, 11)));
        store.ledger().transfer(pay(wallet, vendor, 10));
        assertEquals(0, balance(wallet));
        assertSound();
    }

    @Test
    void aRepeatedRequestReturnsTheOriginalAndMovesNothing() {
        mintTo(wallet, 100);
        TransferRequest request = pay(wallet, vendor, 40).withMetadata(Json.parse("{\"order\": 7}"));
        Transfer first = store.ledger().transfer(request);
        Transfer again = store.ledger().transfer(request);
        assertEquals(first, again);
        assertEquals(60, balance(wallet));
        assertEquals(first, store.ledger().findByKey(workspace.id(), request.idempotencyKey()).orElseThrow());
        TransferRequest changed = TransferRequest.builder().workspaceId(workspace.id()).idempotencyKey(request.idempotencyKey())
                .debitAccountId(wallet.id()).creditAccountId(vendor.id())
                .amount(41).type(TransferType.DEBIT).description("payment").build();
        assertFailsAndWritesNothing(ConflictException.class, () -> store.ledger().transfer(changed));
        assertFailsAndWritesNothing(ConflictException.class, () -> store.ledger().transfer(request.withMetadata(null)));
        TransferRequest sameInAnotherSpelling = request.withMetadata(Json.parse("{\"order\": 7.0}"));
        List<Transfer> batch = store.ledger().transferAll(List.of(pay(wallet, vendor, 1), sameInAnotherSpelling));
        assertEquals(first, batch.get(1), "a repeat inside a batch returns the original");
        assertEquals(59, balance(wallet));
    }

    @Test
    void metadataReadsBackInTheCanonicalForm() {
        mintTo(wallet, 100);
        Json metadata = Json.parse("{\"order\": 123456789012345678901234567890, \"rate\": 0.1000000000000000000001,"
                + " \"zero\": -0.0, \"a\": [1.50, 1e2, null], \"nested\": {\"y\": true, \"x\": \"\\u00e9\"}}");
        String canonical = "{\"a\":[1.5,100,null],\"rate\":0.1000000000000000000001,\"zero\":0,"
                + "\"order\":123456789012345678901234567890,\"nested\":{\"x\":\"\u00e9\",\"y\":true}}";
        assertEquals(canonical, metadata.toString());
        Transfer single = store.ledger().transfer(pay(wallet, vendor, 1).withMetadata(metadata));
        Transfer batched = store.ledger().transferAll(List.of(pay(wallet, vendor, 2).withMetadata(metadata))).get(0);
        Json deep = Json.parse("[".repeat(Json.MAX_DEPTH - 1) + "{\"k\": 1}" + "]".repeat(Json.MAX_DEPTH - 1));
        Transfer deeply = store.ledger().transfer(pay(wallet, vendor, 3).withMetadata(deep));
        for (Transfer done : List.of(single, batched)) {
            assertEquals(metadata, done.metadata());
            Transfer read = store.ledger().getTransfer(workspace.id(), done.id());
            assertEquals(metadata, read.metadata());
            assertEquals(canonical, read.metadata().toString());
            assertEquals(done, read);
        }
        assertEquals(deep.toString(), store.ledger().getTransfer(workspace.id(), deeply.id()).metadata().toString());
    }

    @Test
    void jsonNullMetadataIsNoMetadataAndRepeatsCompareMetadataByValue() {
        mintTo(wallet, 100);
        TransferRequest withNull = pay(wallet, vendor, 10).withMetadata(Json.parse("null"));
        Transfer first = store.ledger().transfer(withNull);
        assertEquals(null, first.metadata());
        assertEquals(null, store.ledger().getTransfer(workspace.id(), first.id()).metadata());
        assertEquals(first, store.ledger().transfer(withNull.withMetadata(null)), "no metadata is the same request");
        assertEquals(first, store.ledger().transfer(withNull.withMetadata(Json.of(null))));
        assertEquals(first, store.ledger().transferAll(List.of(withNull, withNull.withMetadata(null))).get(1));
        assertEquals(90, balance(wallet));
        assertFailsAndWritesNothing(ConflictException.class,
                () -> store.ledger().transfer(withNull.withMetadata(Json.parse("{\"a\": null}"))));

        TransferRequest precise = pay(wallet, vendor, 5).withMetadata(
                Json.parse("{\"b\": 0.1000000000000000000001, \"a\": -0.0, \"c\": 123456789012345678901234567890}"));
        Transfer paid = store.ledger().transfer(precise);
        assertEquals(paid, store.ledger().transfer(precise.withMetadata(
                Json.parse("{\"c\": 123456789012345678901234567890.000, \"a\": 0, \"b\": 1000000000000000000001e-22}"))));
        assertFailsAndWritesNothing(ConflictException.class, () -> store.ledger().transfer(precise.withMetadata(
                Json.parse("{\"b\": 0.1, \"a\": 0, \"c\": 123456789012345678901234567890}"))));
        assertFailsAndWritesNothing(ConflictException.class, () -> store.ledger().transfer(precise.withMetadata(
                Json.parse("{\"b\": 0.1000000000000000000001, \"a\": 0, \"c\": 123456789012345678901234567891}"))));
        assertEquals(85, balance(wallet));
        assertSound();
    }

    @Test
    void hostileMetadataIsRejectedWithNothingWritten() {
        mintTo(wallet, 100);
        List<java.util.function.Supplier<Json>> hostile = List.of(
                () -> Json.of(Map.of("x", Double.NaN)),
                () -> Json.of(Map.of("x", Double.POSITIVE_INFINITY)),
                () -> Json.parse("{\"x\": 1e200000}"),
                () -> Json.parse("{\"x\": -1" + "0".repeat(Json.MAX_INTEGER_DIGITS) + "}"),
                () -> Json.parse("{\"s\": \"a\\u0000\"}"),
                () -> Json.parse("{\"s\": \"\\udc00\"}"),
                () -> Json.of(Map.of("\ud800", "key")),
                () -> Json.parse("{\"a\":".repeat(Json.MAX_DEPTH + 1) + "1" + "}".repeat(Json.MAX_DEPTH + 1)));
        for (java.util.function.Supplier<Json> value : hostile) {
            assertInvalid("json", () -> store.ledger().transfer(pay(wallet, vendor, 1).withMetadata(value.get())));
        }
        assertEquals(100, balance(wallet));
    }

    @Test
    void idempotencyKeysAreScopedToTheirWorkspace() {
        Workspace other = newWorkspace("Other");
        Account otherWallet = store.ledger().openAccount(NewAccount.workspaceCredits(other.id()));
        store.ledger().platformTransfer(TransferRequest.builder().workspaceId(workspace.id()).idempotencyKey("same-key")
                .debitAccountId(mint.id()).creditAccountId(wallet.id()).amount(5).type(TransferType.CREDIT).build());
        Transfer theirs = store.ledger().platformTransfer(
                TransferRequest.builder().workspaceId(other.id()).idempotencyKey("same-key")
                        .debitAccountId(mint.id()).creditAccountId(otherWallet.id())
                        .amount(7).type(TransferType.CREDIT).build());
        assertEquals(7, theirs.amount());
        assertEquals(5, store.ledger().credits(workspace.id()));
        assertEquals(7, store.ledger().credits(other.id()));
    }

    @Test
    void aBatchCommitsAllOrNothing() {
        mintTo(wallet, 100);
        List<Object> before = everything();
        long mintBefore = balance(mint);
        List<TransferRequest> failing = List.of(pay(wallet, vendor, 60), pay(vendor, wallet, 10), pay(wallet, vendor, 60));
        assertThrows(InsufficientFundsException.class, () -> store.ledger().transferAll(failing));
        assertEquals(before, everything());
        assertEquals(100, balance(wallet));
        assertEquals(mintBefore, balance(mint));
        assertTrue(store.ledger().findByKey(workspace.id(), failing.get(0).idempotencyKey()).isEmpty());

        List<Transfer> done = store.ledger().transferAll(List.of(pay(wallet, vendor, 60), pay(vendor, wallet, 10), pay(wallet, vendor, 50)));
        assertEquals(3, done.size());
        assertEquals(0, balance(wallet));
        assertEquals(100, balance(vendor));
        assertSound();
    }

    @Test
    void aBatchRepeatedReturnsTheSameTransfers() {
        mintTo(wallet, 100);
        List<TransferRequest> batch = List.of(pay(wallet, vendor, 10), pay(wallet, vendor, 20));
        List<Transfer> first = store.ledger().transferAll(batch);
        assertEquals(first, store.ledger().transferAll(batch));
        assertEquals(70, balance(wallet));
    }

    @Test
    void aBatchAppliesTheRulesOfSingleTransfersInOrder() {
        mintTo(wallet, 100);
        Account gems = store.ledger().openAccount(new NewAccount(workspace.id(), "gems", "GEM", false));
        TransferRequest first = pay(wallet, vendor, 10);
        List<Transfer> twice = store.ledger().transferAll(List.of(first, first, pay(vendor, wallet, 5).asPending(null)));
        assertEquals(twice.get(0), twice.get(1), "the same request twice in a batch is done once");
        assertEquals(95, balance(wallet) + store.ledger().getAccount(workspace.id(), vendor.id()).reserved());
        assertEquals(5, store.ledger().getAccount(workspace.id(), vendor.id()).reserved());

        TransferRequest reused = TransferRequest.builder().workspaceId(workspace.id()).idempotencyKey(first.idempotencyKey())
                .debitAccountId(wallet.id()).creditAccountId(vendor.id())
                .amount(11).type(TransferType.DEBIT).description("payment").build();
        assertFailsAndWritesNothing(ConflictException.class,
                () -> store.ledger().transferAll(List.of(pay(wallet, vendor, 1), reused)));
        TransferRequest fresh = pay(wallet, vendor, 1);
        TransferRequest clash = TransferRequest.builder().workspaceId(workspace.id()).idempotencyKey(fresh.idempotencyKey())
                .debitAccountId(wallet.id()).creditAccountId(vendor.id())
                .amount(2).type(TransferType.DEBIT).description("payment").build();
        assertFailsAndWritesNothing(ConflictException.class, () -> store.ledger().transferAll(List.of(fresh, clash)));
        assertFailsAndWritesNothing(NotFoundException.class, () -> store.ledger().transferAll(List.of(pay(wallet, vendor, 1),
                TransferRequest.builder().workspaceId(workspace.id()).idempotencyKey(key())
                        .debitAccountId(wallet.id()).creditAccountId(AccountId.generate())
                        .amount(1).type(TransferType.DEBIT).build())));
        assertInvalid("creditAccountId", () -> store.ledger().transferAll(List.of(pay(wallet, vendor, 1), pay(wallet, gems, 1))));
        InsufficientFundsException refused = assertFailsAndWritesNothing(InsufficientFundsException.class,
                () -> store.ledger().transferAll(List.of(pay(wallet, vendor, 95), pay(wallet, gems, 1))));
        assertTrue(refused.getMessage().contains(wallet.id().toString()), "the first rule broken, in order, is reported");
        assertInvalid("requests", () -> store.ledger().transferAll(List.of()));
        assertSound();
    }

    @Test
    void aBatchChecksEachTransferAtItsPlaceNotOnlyTheOutcome() {
        mintTo(wallet, 100);
        mintTo(vendor, 100);
        assertFailsAndWritesNothing(InsufficientFundsException.class,
                () -> store.ledger().transferAll(List.of(pay(wallet, vendor, 150), pay(vendor, wallet, 100))));
        store.ledger().transferAll(List.of(pay(vendor, wallet, 100), pay(wallet, vendor, 150)));
        assertEquals(50, balance(wallet));
        assertEquals(150, balance(vendor));

        Workspace other = newWorkspace("Other");
        Account theirs = store.ledger().openAccount(NewAccount.workspaceCredits(other.id()));
        assertFailsAndWritesNothing(NotFoundException.class,
                () -> store.ledger().transferAll(List.of(pay(wallet, vendor, 1), pay(vendor, theirs, 1))));
        Account burn = store.ledger().openPlatformAccount(NewAccount.system("burn", Ledger.CREDITS));
        assertInvalid("workspaceId", () -> store.ledger().platformTransferAll(List.of(pay(wallet, vendor, 1),
                TransferRequest.builder().workspaceId(workspace.id()).idempotencyKey(key())
                        .debitAccountId(mint.id()).creditAccountId(burn.id())
                        .amount(1).type(TransferType.DEBIT).build())));

        Account whale = store.ledger().openAccount(new NewAccount(workspace.id(), "whale", Ledger.CREDITS, false));
        store.ledger().platformTransfer(TransferRequest.builder().workspaceId(workspace.id()).idempotencyKey(key())
                .debitAccountId(burn.id()).creditAccountId(whale.id())
                .amount(Long.MAX_VALUE - 100).type(TransferType.CREDIT).description("minted by a second system account").build());
        assertInvalid("amount", () -> store.ledger().transferAll(List.of(pay(vendor, whale, 150), pay(whale, vendor, 150))));
        store.ledger().transferAll(List.of(pay(whale, vendor, 150), pay(vendor, whale, 150)));
        assertEquals(Long.MAX_VALUE - 100, balance(whale));
        assertSound();
    }

    @Test
    void aBatchWritesEveryAccountsHistoryInTheBatchsOrder() {
        mintTo(wallet, 100);
        List<TransferRequest> requests = List.of(pay(wallet, vendor, 10), pay(vendor, wallet, 3), pay(wallet, vendor, 20),
                TransferRequest.builder().workspaceId(workspace.id()).idempotencyKey(key())
                        .debitAccountId(mint.id()).creditAccountId(vendor.id())
                        .amount(5).type(TransferType.CREDIT).description("minted").build(),
                pay(vendor, wallet, 1));
        List<Transfer> done = store.ledger().platformTransferAll(requests);
        assertEquals(requests.stream().map(TransferRequest::idempotencyKey).toList(),
                done.stream().map(Transfer::idempotencyKey).toList(), "one transfer per request, in order");
        List<Entry> walletHistory = store.ledger().history(workspace.id(), wallet.id(), PageRequest.first(10)).items();
        assertEquals(List.of(100L, -10L, 3L, -20L, 1L), walletHistory.stream().map(Entry::amount).toList());
        assertEquals(List.of(100L, 90L, 93L, 73L, 74L), walletHistory.stream().map(Entry::balanceAfter).toList());
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), walletHistory.stream().map(Entry::sequence).toList());
        List<Entry> vendorHistory = store.ledger().history(workspace.id(), vendor.id(), PageRequest.first(10)).items();
        assertEquals(List.of(10L, 7L, 27L, 32L, 31L), vendorHistory.stream().map(Entry::balanceAfter).toList());
        assertEquals(done.stream().map(Transfer::id).toList(), vendorHistory.stream().map(Entry::transferId).toList());
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), vendorHistory.stream().map(Entry::sequence).toList());
        assertSound();
    }

    @Test
    void aPendingTransferReservesFundsUntilPostedInFull() {
        mintTo(wallet, 100);
        Transfer hold = store.ledger().transfer(pay(wallet, vendor, 70).asPending(null));
        Account held = store.ledger().getAccount(workspace.id(), wallet.id());
        assertEquals(100, held.balance());
        assertEquals(70, held.reserved());
        assertEquals(30, held.available());
        assertFailsAndWritesNothing(InsufficientFundsException.class, () -> store.ledger().transfer(pay(wallet, vendor, 31)));
        assertSound();

        Transfer posted = store.ledger().resolve(Resolution.post(workspace.id(), key(), hold.id()));
        assertEquals(TransferKind.POST_PENDING, posted.kind());
        assertEquals(hold.id(), posted.pendingId());
        assertEquals(70, posted.amount());
        Account after = store.ledger().getAccount(workspace.id(), wallet.id());
        assertEquals(30, after.balance());
        assertEquals(0, after.reserved());
        assertEquals(70, balance(vendor));
        assertSound();
    }

    @Test
    void aPartialPostReleasesTheRest() {
        mintTo(wallet, 100);
        Transfer hold = store.ledger().transfer(pay(wallet, vendor, 70).asPending(null));
        store.ledger().resolve(Resolution.post(workspace.id(), key(), hold.id(), 25));
        Account after = store.ledger().getAccount(workspace.id(), wallet.id());
        assertEquals(75, after.balance());
        assertEquals(0, after.reserved());
        assertEquals(25, balance(vendor));
        assertSound();
    }

    @Test
    void aVoidReleasesEverythingAndMovesNothing() {
        mintTo(wallet, 100);
        Transfer hold = store.ledger().transfer(pay(wallet, vendor, 70).asPending(null));
        Transfer voided = store.ledger().resolve(Resolution.voidPending(workspace.id(), key(), hold.id()));
        assertEquals(TransferKind.VOID_PENDING, voided.kind());
        Account after = store.ledger().getAccount(workspace.id(), wallet.id());
        assertEquals(100, after.balance());
        assertEquals(0, after.reserved());
        assertEquals(0, balance(vendor));
        assertSound();
    }

    @Test
    void aPendingTransferResolvesAtMostOnce() {
        mintTo(wallet, 100);
        Transfer hold = store.ledger().transfer(pay(wallet, vendor, 50).asPending(null));
        Resolution post = Resolution.post(workspace.id(), key(), hold.id());
        Transfer posted = store.ledger().resolve(post);
        assertEquals(posted, store.ledger().resolve(post), "the same resolution repeated is idempotent");
        assertFailsAndWritesNothing(ConflictException.class,
                () -> store.ledger().resolve(Resolution.post(workspace.id(), key(), hold.id())));
        assertFailsAndWritesNothing(ConflictException.class,
                () -> store.ledger().resolve(Resolution.voidPending(workspace.id(), key(), hold.id())));
        Transfer plain = store.ledger().transfer(pay(wallet, vendor, 1));
        InvalidInputException notPending = assertFailsAndWritesNothing(InvalidInputException.class,
                () -> store.ledger().resolve(Resolution.voidPending(workspace.id(), key(), plain.id())));
        assertEquals("pendingId", notPending.field());
        assertFailsAndWritesNothing(NotFoundException.class,
                () -> store.ledger().resolve(Resolution.post(workspace.id(), key(), TransferId.generate())));
        Transfer other = store.ledger().transfer(pay(wallet, vendor, 10).asPending(null));
        assertInvalid("amount", () -> store.ledger().resolve(Resolution.post(workspace.id(), key(), other.id(), 11)));
        assertEquals(49, balance(wallet));
        assertSound();
    }

    @Test
    void anExpiredPendingTransferCannotBePostedAndIsVoidedBySweeping() {
        mintTo(wallet, 100);
        Transfer hold = store.ledger().transfer(pay(wallet, vendor, 60).asPending(clock.instant().plus(Duration.ofMinutes(5))));
        Transfer lasting = store.ledger().transfer(pay(wallet, vendor, 10).asPending(clock.instant().plus(Duration.ofHours(5))));
        clock.advance(Duration.ofMinutes(5));
        assertFailsAndWritesNothing(ConflictException.class,
                () -> store.ledger().resolve(Resolution.post(workspace.id(), key(), hold.id())));
        assertEquals(1, store.ledger().expirePending());
        assertEquals(0, store.ledger().expirePending());
        Account after = store.ledger().getAccount(workspace.id(), wallet.id());
        assertEquals(10, after.reserved());
        assertEquals(100, after.balance());
        assertFailsAndWritesNothing(ConflictException.class,
                () -> store.ledger().resolve(Resolution.voidPending(workspace.id(), key(), hold.id())));
        store.ledger().resolve(Resolution.post(workspace.id(), key(), lasting.id()));
        assertEquals(90, balance(wallet));
        assertSound();
    }

    @Test
    void theExpirySweepsKeysAreNeverAClientsKeys() {
        mintTo(wallet, 100);
        Transfer hold = store.ledger().transfer(pay(wallet, vendor, 60).asPending(clock.instant().plus(Duration.ofMinutes(5))));
        String sweepsKeyOfOld = "expire:" + hold.id();
        Transfer clients = store.ledger().transfer(TransferRequest.builder().workspaceId(workspace.id()).idempotencyKey(sweepsKeyOfOld)
                .debitAccountId(wallet.id()).creditAccountId(vendor.id())
                .amount(1).type(TransferType.DEBIT).description("a client's key that looks like the sweep's").build());
        String sweepsKey = Ledger.expiryKey(hold.id());
        assertInvalid("idempotencyKey", () -> store.ledger().transfer(TransferRequest.builder().workspaceId(workspace.id()).idempotencyKey(sweepsKey)
                .debitAccountId(wallet.id()).creditAccountId(vendor.id())
                .amount(1).type(TransferType.DEBIT).build()));
        assertInvalid("idempotencyKey", () -> store.ledger().resolve(Resolution.voidPending(workspace.id(), sweepsKey, hold.id())));

        clock.advance(Duration.ofMinutes(5));
        assertEquals(1, store.ledger().expirePending(), "the sweep voids the pending transfer whatever keys clients used");
        Account after = store.ledger().getAccount(workspace.id(), wallet.id());
        assertEquals(0, after.reserved());
        assertEquals(99, after.balance());
        Transfer voided = store.ledger().findByKey(workspace.id(), sweepsKey).orElseThrow();
        assertEquals(TransferKind.VOID_PENDING, voided.kind());
        assertEquals(hold.id(), voided.pendingId());
        assertEquals(clients, store.ledger().findByKey(workspace.id(), sweepsKeyOfOld).orElseThrow());
        List<Transfer> all = store.ledger().listTransfers(workspace.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items();
        assertEquals(all.size(), all.stream().map(Transfer::idempotencyKey).distinct().count(), "one transfer per key: " + all);
        assertSound();
    }

    @Test
    void aWorkspaceScopedRequestNeverDebitsASystemAccount() {
        mintTo(wallet, 100);
        Account fees = store.ledger().openPlatformAccount(NewAccount.system("fees", Ledger.CREDITS));
        TransferRequest minting = TransferRequest.builder().workspaceId(workspace.id()).idempotencyKey(key())
                .debitAccountId(mint.id()).creditAccountId(wallet.id())
                .amount(50).type(TransferType.CREDIT).description("self-made").build();
        assertInvalid("debitAccountId", () -> store.ledger().transfer(minting));
        assertInvalid("debitAccountId", () -> store.ledger().transfer(minting.asPending(null)));
        assertInvalid("debitAccountId", () -> store.ledger().transferAll(List.of(pay(wallet, vendor, 1), minting)));
        assertInvalid("debitAccountId", () -> store.ledger().transferAll(List.of(minting, pay(wallet, vendor, 1))));
        assertInvalid("debitAccountId", () -> store.ledger().transfer(TransferRequest.builder().workspaceId(workspace.id()).idempotencyKey(key())
                .debitAccountId(fees.id()).creditAccountId(vendor.id())
                .amount(1).type(TransferType.CREDIT).description("a refund the workspace grants itself").build()));
        assertInvalid("debitAccountId", () -> store.inTransaction(tx -> tx.ledger().transfer(minting)));
        assertEquals(100, store.ledger().credits(workspace.id()));

        store.ledger().transfer(pay(wallet, fees, 10));
        assertEquals(10, store.ledger().getSystemAccount(fees.id()).balance(), "crediting a system account is a payment");
        Transfer minted = store.ledger().platformTransfer(minting);
        assertEquals(minted, store.ledger().platformTransfer(minting), "a platform transfer is idempotent too");
        assertInvalid("debitAccountId", () -> store.ledger().transfer(minting));
        assertEquals(140, store.ledger().credits(workspace.id()));
        assertSound();
    }

    @Test
    void aPendingTransferFromASystemAccountTakesThePlatformAndResolvesAsAnyOther() {
        TransferRequest grant = TransferRequest.builder().workspaceId(workspace.id()).idempotencyKey(key())
                .debitAccountId(mint.id()).creditAccountId(wallet.id())
                .amount(80).type(TransferType.CREDIT).description("grant").build()
                .asPending(null);
        assertInvalid("debitAccountId", () -> store.ledger().transfer(grant));
        Transfer hold = store.ledger().platformTransfer(grant);
        assertEquals(80, store.ledger().getSystemAccount(mint.id()).reserved());
        store.ledger().resolve(Resolution.post(workspace.id(), key(), hold.id(), 30));
        assertEquals(30, store.ledger().credits(workspace.id()), "posting moves at most what the platform reserved");
        assertEquals(0, store.ledger().getSystemAccount(mint.id()).reserved());
        List<Transfer> batch = store.ledger().platformTransferAll(List.of(
                TransferRequest.builder().workspaceId(workspace.id()).idempotencyKey(key())
                        .debitAccountId(mint.id()).creditAccountId(wallet.id())
                        .amount(5).type(TransferType.CREDIT).description("batch grant").build(),
                pay(wallet, vendor, 35)));
        assertEquals(2, batch.size());
        assertEquals(0, store.ledger().credits(workspace.id()));
        assertSound();
    }

    @Test
    void onlyThePlatformOpensSystemAccountsAndAccountsThatMayGoNegative() {
        assertInvalid("mayGoNegative", () -> store.ledger().openAccount(new NewAccount(workspace.id(), "overdraft", Ledger.CREDITS, true)));
        assertInvalid("workspaceId", () -> store.ledger().openAccount(NewAccount.system("fees", Ledger.CREDITS)));
        assertInvalid("workspaceId", () -> store.ledger().openAccount(new NewAccount(null, "fees", Ledger.CREDITS, false)));
        assertInvalid("mayGoNegative", () -> store.inTransaction(tx ->
                tx.ledger().openAccount(new NewAccount(workspace.id(), "overdraft", Ledger.CREDITS, true))));
        assertInvalid("mayGoNegative", () -> store.ledger().openAccount(new NewAccount(WorkspaceId.generate(), "overdraft",
                Ledger.CREDITS, true)));

        Account overdraft = store.ledger().openPlatformAccount(new NewAccount(workspace.id(), "overdraft", Ledger.CREDITS, true));
        assertTrue(overdraft.mayGoNegative());
        store.ledger().transfer(pay(overdraft, vendor, 25));
        assertEquals(-25, balance(overdraft));
        Account fees = store.ledger().openPlatformAccount(new NewAccount(null, "fees", Ledger.CREDITS, false));
        assertTrue(fees.isSystem());
        assertFailsAndWritesNothing(ConflictException.class,
                () -> store.ledger().openPlatformAccount(new NewAccount(null, "fees", Ledger.CREDITS, false)));
        assertFailsAndWritesNothing(NotFoundException.class,
                () -> store.ledger().openPlatformAccount(new NewAccount(WorkspaceId.generate(), "overdraft", Ledger.CREDITS, true)));
        assertSound();
    }

    @Test
    void aCorrectionIsAReversingTransfer() {
        mintTo(wallet, 100);
        Transfer wrong = store.ledger().transfer(pay(wallet, vendor, 40));
        store.ledger().transfer(TransferRequest.builder().workspaceId(workspace.id()).idempotencyKey("reverse-" + wrong.id())
                .debitAccountId(vendor.id()).creditAccountId(wallet.id())
                .amount(40).type(TransferType.CREDIT).description("reversal of " + wrong.id()).build());
        assertEquals(100, balance(wallet));
        assertEquals(wrong, store.ledger().getTransfer(workspace.id(), wrong.id()), "the original stays as it was");
        assertEquals(2, store.ledger().history(workspace.id(), vendor.id(), PageRequest.first()).items().size());
        assertSound();
    }

    @Test
    void aTributeKeepsItsDetails() {
        mintTo(wallet, 100);
        Tribute details = new Tribute("folly-dice", new BigDecimal("1.250"), "hollow_win", 15, new BigDecimal("0.4"));
        Transfer tribute = store.ledger().transfer(pay(wallet, vendor, 20).withTribute(details)
                .withMetadata(Json.of(Map.of("instrument", "dice"))));
        Transfer read = store.ledger().getTransfer(workspace.id(), tribute.id());
        assertEquals(TransferType.TRIBUTE, read.type());
        assertEquals(details, read.tribute());
        assertEquals(new BigDecimal("1.25"), read.tribute().luckWeight());
        assertEquals(Json.parse("{\"instrument\":\"dice\"}"), read.metadata());
    }

    @Test
    void anotherWorkspacesAccountsAndTransfersAreNotFound() {
        Workspace other = newWorkspace("Other");
        Account theirs = store.ledger().openAccount(NewAccount.workspaceCredits(other.id()));
        Transfer theirTransfer = store.ledger().platformTransfer(
                TransferRequest.builder().workspaceId(other.id()).idempotencyKey("k")
                        .debitAccountId(mint.id()).creditAccountId(theirs.id())
                        .amount(50).type(TransferType.CREDIT).build());
        mintTo(wallet, 50);
        assertFailsAndWritesNothing(NotFoundException.class, () -> store.ledger().transfer(pay(wallet, theirs, 5)));
        assertFailsAndWritesNothing(NotFoundException.class, () -> store.ledger().transfer(pay(theirs, wallet, 5)));
        assertThrows(NotFoundException.class, () -> store.ledger().getAccount(workspace.id(), theirs.id()));
        assertThrows(NotFoundException.class, () -> store.ledger().getAccount(workspace.id(), mint.id()));
        assertThrows(NotFoundException.class, () -> store.ledger().history(workspace.id(), theirs.id(), PageRequest.first()));
        assertThrows(NotFoundException.class, () -> store.ledger().getTransfer(workspace.id(), theirTransfer.id()));
        assertFailsAndWritesNothing(NotFoundException.class, () -> store.ledger().transfer(
                TransferRequest.builder().workspaceId(workspace.id()).idempotencyKey(key())
                        .debitAccountId(AccountId.generate()).creditAccountId(vendor.id())
                        .amount(1).type(TransferType.DEBIT).build()));
        assertEquals(mint.id(), store.ledger().getSystemAccount(mint.id()).id(), "system accounts are addressed without a workspace");
    }

    @Test
    void findOrOpenOpensOnceThenFindsTheSameAccount() {
        NewAccount savings = NewAccount.builder().workspaceId(workspace.id()).code("savings").unit(Ledger.CREDITS).build();
        Account opened = store.ledger().findOrOpenAccount(savings);
        assertEquals(0, opened.balance());
        assertEquals(opened, store.ledger().findAccount(workspace.id(), "savings", Ledger.CREDITS).orElseThrow());
        mintTo(opened, 7);
        Account found = store.ledger().findOrOpenAccount(savings);
        assertEquals(opened.id(), found.id());
        assertEquals(7, found.balance(), "the account as it is now");
        assertEquals(wallet, store.ledger().findOrOpenAccount(NewAccount.workspaceCredits(workspace.id())));
        assertEquals(mint.id(), store.ledger().findOrOpenPlatformAccount(NewAccount.system("mint", Ledger.CREDITS)).id());
        Account burn = store.ledger().findOrOpenPlatformAccount(NewAccount.system("burn", Ledger.CREDITS));
        assertTrue(burn.isSystem() && burn.mayGoNegative());
        assertEquals(burn, store.ledger().findOrOpenPlatformAccount(NewAccount.system("burn", Ledger.CREDITS)));
    }

    @Test
    void findOrOpenKeepsTheRulesOfOpening() {
        assertInvalid("workspaceId", () -> store.ledger().findOrOpenAccount(NewAccount.system("fees", Ledger.CREDITS)));
        assertInvalid("mayGoNegative", () -> store.ledger().findOrOpenAccount(
                NewAccount.builder().workspaceId(workspace.id()).code("overdraft").unit(Ledger.CREDITS).mayGoNegative(true).build()));
        assertInvalid("mayGoNegative", () -> store.ledger().findOrOpenAccount(
                NewAccount.builder().workspaceId(workspace.id()).code(Ledger.CREDIT_ACCOUNT).unit(Ledger.CREDITS)
                        .mayGoNegative(true).build()));
        assertFailsAndWritesNothing(NotFoundException.class,
                () -> store.ledger().findOrOpenAccount(NewAccount.workspaceCredits(WorkspaceId.generate())));
        assertFailsAndWritesNothing(NotFoundException.class,
                () -> store.ledger().findOrOpenPlatformAccount(NewAccount.workspaceCredits(WorkspaceId.generate())));
        Account overdraft = store.ledger().openPlatformAccount(
                NewAccount.builder().workspaceId(workspace.id()).code("overdraft").unit(Ledger.CREDITS).mayGoNegative(true).build());
        ConflictException differs = assertFailsAndWritesNothing(ConflictException.class, () -> store.ledger().findOrOpenAccount(
                NewAccount.builder().workspaceId(workspace.id()).code("overdraft").unit(Ledger.CREDITS).build()));
        assertEquals("account overdraft in XCR exists and may go negative, unlike the account asked for", differs.getMessage());
        assertFailsAndWritesNothing(ConflictException.class, () -> store.ledger().findOrOpenPlatformAccount(
                NewAccount.builder().workspaceId(workspace.id()).code(Ledger.CREDIT_ACCOUNT).unit(Ledger.CREDITS)
                        .mayGoNegative(true).build()));
        assertFailsAndWritesNothing(ConflictException.class, () -> store.ledger().findOrOpenPlatformAccount(
                new NewAccount(null, "mint", Ledger.CREDITS, false)));
        assertEquals(overdraft, store.ledger().findOrOpenPlatformAccount(
                NewAccount.builder().workspaceId(workspace.id()).code("overdraft").unit(Ledger.CREDITS).mayGoNegative(true).build()));
    }

    @Test
    void systemAccountsHaveLookUpsOfTheirOwnAndNoCallTakesANullWorkspace() {
        Account burn = store.ledger().openPlatformAccount(NewAccount.system("burn", Ledger.CREDITS));
        assertEquals(mint, store.ledger().getSystemAccount(mint.id()));
        assertEquals(Optional.of(burn), store.ledger().findSystemAccount("burn", Ledger.CREDITS));
        assertEquals(Optional.empty(), store.ledger().findSystemAccount(Ledger.CREDIT_ACCOUNT, Ledger.CREDITS),
                "a workspace's account is not a system account");
        assertEquals(Optional.empty(), store.ledger().findSystemAccount("burn", "GEM"));
        List<Account> system = Pages.stream(store.ledger()::listSystemAccounts, PageRequest.first(1)).toList();
        assertEquals(java.util.Set.of(mint, burn), java.util.Set.copyOf(system));
        assertEquals(2, system.size());
        assertThrows(NotFoundException.class, () -> store.ledger().getSystemAccount(wallet.id()));
        assertThrows(NotFoundException.class, () -> store.ledger().getSystemAccount(AccountId.generate()));
        assertThrows(NotFoundException.class, () -> store.ledger().getAccount(workspace.id(), burn.id()));
        assertEquals(Optional.empty(), store.ledger().findAccount(workspace.id(), "burn", Ledger.CREDITS));
        assertFalse(store.ledger().listAccounts(workspace.id(), PageRequest.first()).items().contains(burn));
        assertInvalid("workspaceId", () -> store.ledger().getAccount(null, mint.id()));
        assertInvalid("workspaceId", () -> store.ledger().findAccount(null, "mint", Ledger.CREDITS));
        assertInvalid("workspaceId", () -> store.ledger().listAccounts(null, PageRequest.first()));
    }

    @Test
    void unitsMustMatchAndAccountsAreUniquePerOwnerCodeAndUnit() {
        Account gems = store.ledger().openAccount(new NewAccount(workspace.id(), "gems", "GEM", false));
        mintTo(wallet, 10);
        assertInvalid("creditAccountId", () -> store.ledger().transfer(pay(wallet, gems, 1)));
        assertFailsAndWritesNothing(ConflictException.class,
                () -> store.ledger().openAccount(NewAccount.workspaceCredits(workspace.id())));
        assertFailsAndWritesNothing(NotFoundException.class,
                () -> store.ledger().openAccount(NewAccount.workspaceCredits(WorkspaceId.generate())));
        assertEquals(wallet.id(), store.ledger().findAccount(workspace.id(), Ledger.CREDIT_ACCOUNT, Ledger.CREDITS).orElseThrow().id());
    }

    @Test
    void aWorkspaceWithALedgerCannotBeDeleted() {
        mintTo(wallet, 1);
        assertFailsAndWritesNothing(ConflictException.class, () -> store.workspaces().delete(workspace.id()));
    }

    @Test
    void badAmountsAndRequestsAreRejectedNamingTheField() {
        mintTo(wallet, 100);
        WorkspaceId ws = workspace.id();
        assertInvalid("amount", () -> store.ledger().transfer(pay(wallet, vendor, 0)));
        assertInvalid("amount", () -> store.ledger().transfer(pay(wallet, vendor, -5)));
        assertInvalid("amount", () -> store.ledger().transfer(pay(wallet, vendor, Long.MIN_VALUE)));
        assertInvalid("creditAccountId", () -> store.ledger().transfer(pay(wallet, wallet, 5)));
        assertInvalid("idempotencyKey", () -> store.ledger().transfer(
                TransferRequest.builder().workspaceId(ws).idempotencyKey(null)
                        .debitAccountId(wallet.id()).creditAccountId(vendor.id())
                        .amount(1).type(TransferType.DEBIT).build()));
        assertInvalid("idempotencyKey", () -> store.ledger().transfer(
                TransferRequest.builder().workspaceId(ws).idempotencyKey("has space")
                        .debitAccountId(wallet.id()).creditAccountId(vendor.id())
                        .amount(1).type(TransferType.DEBIT).build()));
        assertInvalid("idempotencyKey", () -> store.ledger().transfer(
                TransferRequest.builder().workspaceId(ws).idempotencyKey("k".repeat(129))
                        .debitAccountId(wallet.id()).creditAccountId(vendor.id())
                        .amount(1).type(TransferType.DEBIT).build()));
        assertInvalid("type", () -> store.ledger().transfer(TransferRequest.builder().workspaceId(ws).idempotencyKey(key())
                .debitAccountId(wallet.id()).creditAccountId(vendor.id())
                .amount(1).type(null).build()));
        assertInvalid("tribute", () -> store.ledger().transfer(
                TransferRequest.builder().workspaceId(ws).idempotencyKey(key())
                        .debitAccountId(wallet.id()).creditAccountId(vendor.id())
                        .amount(1).type(TransferType.TRIBUTE).build()));
        assertInvalid("tribute", () -> store.ledger().transfer(new TransferRequest(ws, key(), wallet.id(), vendor.id(), 1,
                TransferType.CREDIT, null, null, new Tribute("i", BigDecimal.ONE, "win", 0, null), false, null)));
        assertInvalid("judasFactor", () -> new Tribute("i", BigDecimal.ONE, "win", 0, new BigDecimal("1.01")));
        assertInvalid("luckWeight", () -> new Tribute("i", new BigDecimal("-0.1"), "win", 0, null));
        assertInvalid("boonAmount", () -> new Tribute("i", BigDecimal.ONE, "win", -1, null));
        assertInvalid("description", () -> store.ledger().transfer(
                TransferRequest.builder().workspaceId(ws).idempotencyKey(key())
                        .debitAccountId(wallet.id()).creditAccountId(vendor.id())
                        .amount(1).type(TransferType.DEBIT).description("d".repeat(501)).build()));
        assertInvalid("expiresAt", () -> store.ledger().transfer(new TransferRequest(ws, key(), wallet.id(), vendor.id(), 1,
                TransferType.DEBIT, null, null, null, false, clock.instant().plusSeconds(60))));
        assertInvalid("expiresAt", () -> store.ledger().transfer(pay(wallet, vendor, 1).asPending(clock.instant())));
        assertInvalid("unit", () -> store.ledger().openAccount(new NewAccount(ws, "x", "credits", false)));
        assertInvalid("code", () -> store.ledger().openAccount(new NewAccount(ws, "Bad Code", "XCR", false)));
        assertInvalid("accountId", () -> AccountId.parse("not-an-id"));
        Account burn = store.ledger().openPlatformAccount(NewAccount.system("burn", Ledger.CREDITS));
        assertInvalid("workspaceId", () -> store.ledger().platformTransfer(
                TransferRequest.builder().workspaceId(ws).idempotencyKey(key())
                        .debitAccountId(mint.id()).creditAccountId(burn.id())
                        .amount(1).type(TransferType.DEBIT).description("between two system accounts").build()));
        assertInvalid("after", () -> store.ledger().history(ws, wallet.id(), new PageRequest(PageRequest.cursorOf(
                io.plinth.core.Ids.next()), 5)));
    }

    @Test
    void overflowingAmountsAreRejectedAndNothingMoves() {
        Account whale = store.ledger().openAccount(new NewAccount(workspace.id(), "whale", Ledger.CREDITS, false));
        mintTo(whale, Long.MAX_VALUE);
        assertInvalid("amount", () -> mintTo(whale, 1));
        assertEquals(Long.MAX_VALUE, balance(whale));
        assertInvalid("amount", () -> store.ledger().transferAll(List.of(pay(whale, vendor, 1).asPending(null),
                pay(whale, vendor, Long.MAX_VALUE).asPending(null))));
        assertSound();
    }

    @Test
    void nothingOfAFailedUnitOfWorkRemainsInTheLedger() {
        mintTo(wallet, 100);
        List<Object> before = everything();
        assertThrows(IllegalStateException.class, () -> store.inTransaction(tx -> {
            tx.ledger().transfer(pay(wallet, vendor, 30));
            tx.ledger().transfer(pay(wallet, vendor, 30).asPending(null));
            throw new IllegalStateException("abandon");
        }));
        assertEquals(before, everything());
        assertEquals(100, balance(wallet));
        assertEquals(0, store.ledger().getAccount(workspace.id(), wallet.id()).reserved());
        assertSound();
    }
}
