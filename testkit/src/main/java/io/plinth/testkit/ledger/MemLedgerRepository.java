package io.plinth.testkit.ledger;

import io.plinth.core.Check;
import io.plinth.core.ConflictException;
import io.plinth.core.InsufficientFundsException;
import io.plinth.core.InvalidInputException;
import io.plinth.core.NotFoundException;
import io.plinth.core.Page;
import io.plinth.core.PageRequest;
import io.plinth.ledger.Account;
import io.plinth.ledger.AccountId;
import io.plinth.ledger.Entry;
import io.plinth.ledger.Ledger;
import io.plinth.ledger.LedgerReport;
import io.plinth.ledger.LedgerRepository;
import io.plinth.ledger.NewAccount;
import io.plinth.ledger.Resolution;
import io.plinth.ledger.Transfer;
import io.plinth.ledger.TransferId;
import io.plinth.ledger.TransferKind;
import io.plinth.ledger.TransferOutcome;
import io.plinth.ledger.TransferRequest;
import io.plinth.tenancy.WorkspaceId;
import io.plinth.testkit.Rows;
import io.plinth.testkit.Tables;
import io.plinth.testkit.Tables.EntryKey;
import io.plinth.testkit.Tables.TransferKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/** In-memory {@link LedgerRepository}: the same rules, checks and errors as the PostgreSQL ledger. */
public final class MemLedgerRepository implements LedgerRepository {
    private final Tables t;
    private final Supplier<Instant> now;

    public MemLedgerRepository(Tables tables, Supplier<Instant> now) {
        this.t = tables;
        this.now = now;
    }

    @Override
    public Account openAccount(NewAccount account) {
        Check.required("account", account);
        Ledger.workspaceAccount(account);
        return open(account);
    }

    @Override
    public Account openPlatformAccount(NewAccount account) {
        Check.required("account", account);
        return open(account);
    }

    @Override
    public Account findOrOpenAccount(NewAccount account) {
        Check.required("account", account);
        Ledger.workspaceAccount(account);
        return findOrOpen(account);
    }

    @Override
    public Account findOrOpenPlatformAccount(NewAccount account) {
        Check.required("account", account);
        return findOrOpen(account);
    }

    /** The store runs one unit of work at a time: finding, then opening, cannot race. */
    private Account findOrOpen(NewAccount account) {
        Optional<Account> found = find(account.workspaceId(), account.code(), account.unit());
        if (found.isEmpty()) {
            return open(account);
        }
        if (found.get().mayGoNegative() != account.mayGoNegative()) {
            throw Ledger.differentAccount(found.get());
        }
        return found.get();
    }

    private Account open(NewAccount account) {
        if (account.workspaceId() != null && !t.exists("workspaces", account.workspaceId().value())) {
            throw new NotFoundException("workspace", account.workspaceId());
        }
        if (find(account.workspaceId(), account.code(), account.unit()).isPresent()) {
            throw new ConflictException("account " + account.code() + " in " + account.unit() + " already exists");
        }
        Account opened = new Account(AccountId.generate(), account.workspaceId(), account.code(), account.unit(),
                account.mayGoNegative(), 0, 0, now.get());
        t.put(t.accounts, opened.id().value(), opened);
        return opened;
    }

    @Override
    public Account getAccount(WorkspaceId workspaceId, AccountId id) {
        Check.required("workspaceId", workspaceId);
        return get(workspaceId, id);
    }

    @Override
    public Optional<Account> findAccount(WorkspaceId workspaceId, String code, String unit) {
        Check.required("workspaceId", workspaceId);
        return find(workspaceId, code, unit);
    }

    @Override
    public Page<Account> listAccounts(WorkspaceId workspaceId, PageRequest page) {
        Check.required("workspaceId", workspaceId);
        return list(workspaceId, page);
    }

    @Override
    public Account getSystemAccount(AccountId id) {
        return get(null, id);
    }

    @Override
    public Optional<Account> findSystemAccount(String code, String unit) {
        return find(null, code, unit);
    }

    @Override
    public Page<Account> listSystemAccounts(PageRequest page) {
        return list(null, page);
    }

    /** An account of the owner: the workspace, or the platform when {@code workspaceId} is null. */
    private Account get(WorkspaceId workspaceId, AccountId id) {
        Check.required("accountId", id);
        Account account = t.accounts.get(id.value());
        if (account == null || !Objects.equals(account.workspaceId(), workspaceId)) {
            throw new NotFoundException("account", id);
        }
        return account;
    }

    private Optional<Account> find(WorkspaceId workspaceId, String code, String unit) {
        Check.required("code", code);
        Check.required("unit", unit);
        return t.accounts.values().stream()
                .filter(a -> Objects.equals(a.workspaceId(), workspaceId) && a.code().equals(code) && a.unit().equals(unit))
                .findFirst();
    }

    private Page<Account> list(WorkspaceId workspaceId, PageRequest page) {
        Check.required("page", page);
        return Rows.page(t.accounts.values().stream().filter(a -> Objects.equals(a.workspaceId(), workspaceId)),
                page, a -> a.id().value());
    }

    @Override
    public Page<Transfer> listTransfers(WorkspaceId workspaceId, PageRequest page) {
        Check.required("workspaceId", workspaceId);
        Check.required("page", page);
        return Rows.page(t.transfers.values().stream().filter(tr -> tr.workspaceId().equals(workspaceId)),
                page, tr -> tr.id().value());
    }

    @Override
    public long credits(WorkspaceId workspaceId) {
        Check.required("workspaceId", workspaceId);
        return findAccount(workspaceId, Ledger.CREDIT_ACCOUNT, Ledger.CREDITS).map(Account::balance).orElse(0L);
    }

    @Override
    public Transfer transfer(TransferRequest request) {
        Check.required("request", request);
        return apply(request, false);
    }

    @Override
    public List<Transfer> transferAll(List<TransferRequest> requests) {
        return applyAll(requests, false);
    }

    @Override
    public List<TransferOutcome> transferEach(List<TransferRequest> requests) {
        Ledger.batch(requests);
        List<TransferOutcome> outcomes = new ArrayList<>(requests.size());
        for (TransferRequest request : requests) {
            try {
                // apply checks everything before it writes: a failed request leaves nothing behind.
                outcomes.add(TransferOutcome.of(apply(request, false)));
            } catch (io.plinth.core.PlinthException e) {
                outcomes.add(TransferOutcome.failed(e));
            }
        }
        return outcomes;
    }

    @Override
    public Transfer platformTransfer(TransferRequest request) {
        Check.required("request", request);
        return apply(request, true);
    }

    @Override
    public List<Transfer> platformTransferAll(List<TransferRequest> requests) {
        return applyAll(requests, true);
    }

    private List<Transfer> applyAll(List<TransferRequest> requests, boolean platform) {
        Ledger.batch(requests);
        List<Transfer> done = new ArrayList<>(requests.size());
        for (TransferRequest request : requests) {
            done.add(apply(request, platform));
        }
        return done;
    }

    /** One request, checked in the order {@link LedgerRepository} documents (PostgreSQL's order). */
    private Transfer apply(TransferRequest r, boolean platform) {
        Account debit = usable(r.workspaceId(), r.debitAccountId());
        Account credit = usable(r.workspaceId(), r.creditAccountId());
        if (debit.isSystem() && !platform) {
            throw Ledger.systemDebit();
        }
        Transfer earlier = byKey(r.workspaceId(), r.idempotencyKey());
        if (earlier != null) {
            return repeat(earlier, r.isFulfilledBy(earlier), r.idempotencyKey());
        }
        if (debit.isSystem() && credit.isSystem()) {
            throw new InvalidInputException("workspaceId", "must own the debit or the credit account");
        }
        if (!debit.unit().equals(credit.unit())) {
            throw new InvalidInputException("creditAccountId",
                    "must hold the debit account's unit " + debit.unit() + ", not " + credit.unit());
        }
        Instant at = now.get();
        if (r.pending() && r.expiresAt() != null) {
            Check.future("expiresAt", r.expiresAt(), at);
        }
        Transfer transfer = new Transfer(TransferId.generate(), r.workspaceId(), r.idempotencyKey(),
                r.pending() ? TransferKind.PENDING : TransferKind.POSTED, debit.id(), credit.id(), r.amount(), debit.unit(),
                r.type(), r.description(), r.metadata(), r.tribute(), null, r.expiresAt(), at);
        if (r.pending()) {
            long reserved = plus(debit.reserved(), r.amount());
            requireFunds(debit, r.amount());
            save(with(debit, debit.balance(), reserved));
        } else {
            long debited = minus(debit.balance(), r.amount());
            long credited = plus(credit.balance(), r.amount());
            requireFunds(debit, r.amount());
            move(debit, debited, credit, credited, r.amount(), transfer);
        }
        record(transfer);
        return transfer;
    }

    @Override
    public Transfer resolve(Resolution r) {
        Check.required("resolution", r);
        Transfer earlier = byKey(r.workspaceId(), r.idempotencyKey());
        if (earlier != null) {
            return repeat(earlier, r.isFulfilledBy(earlier), r.idempotencyKey());
        }
        Transfer pending = getTransfer(r.workspaceId(), r.pendingId());
        return settle(pending, r.idempotencyKey(), r.post(), r.amount(), now.get());
    }

    @Override
    public int expirePending() {
        Instant at = now.get();
        List<Transfer> expired = t.transfers.values().stream()
                .filter(p -> p.kind() == TransferKind.PENDING && p.expiresAt() != null && !at.isBefore(p.expiresAt())
                        && !t.resolutions.containsKey(p.id().value()))
                .toList();
        expired.forEach(p -> settle(p, Ledger.expiryKey(p.id()), false, null, at));
        return expired.size();
    }

    /** Resolves a pending transfer found in the resolution's workspace, from the third check of a resolution on. */
    private Transfer settle(Transfer pending, String key, boolean post, Long requested, Instant at) {
        requireUnresolved(pending);
        if (post && pending.expiresAt() != null && !at.isBefore(pending.expiresAt())) {
            throw new ConflictException("pending transfer " + pending.id() + " expired at " + pending.expiresAt());
        }
        long amount = requested == null ? pending.amount() : requested;
        if (amount > pending.amount()) {
            throw new InvalidInputException("amount", "must not exceed the pending amount " + pending.amount());
        }
        Account debit = t.accounts.get(pending.debitAccountId().value());
        Account credit = t.accounts.get(pending.creditAccountId().value());
        long debited = post ? minus(debit.balance(), amount) : debit.balance();
        long credited = post ? plus(credit.balance(), amount) : credit.balance();
        Transfer resolution = new Transfer(TransferId.generate(), pending.workspaceId(), key,
                post ? TransferKind.POST_PENDING : TransferKind.VOID_PENDING, pending.debitAccountId(),
                pending.creditAccountId(), amount, pending.unit(), pending.type(), pending.description(),
                pending.metadata(), null, pending.id(), null, at);
        Account released = with(debit, debit.balance(), debit.reserved() - pending.amount());
        save(released);
        if (post) {
            move(released, debited, credit, credited, amount, resolution);
        }
        record(resolution);
        t.put(t.resolutions, pending.id().value(), resolution.id().value());
        return resolution;
    }

    private void requireUnresolved(Transfer pending) {
        if (pending.kind() != TransferKind.PENDING) {
            throw new InvalidInputException("pendingId", "must name a pending transfer, not a " + pending.kind() + " one");
        }
        if (t.resolutions.containsKey(pending.id().value())) {
            Transfer done = t.transfers.get(t.resolutions.get(pending.id().value()));
            throw new ConflictException("pending transfer " + pending.id() + " was already resolved by " + done.kind());
        }
    }

    private Transfer repeat(Transfer earlier, boolean same, String key) {
        if (!same) {
            throw new ConflictException("idempotency key " + key + " was already used for a different transfer " + earlier.id());
        }
        return earlier;
    }

    private Account usable(WorkspaceId workspaceId, AccountId id) {
        Account account = t.accounts.get(id.value());
        if (account == null || !(account.isSystem() || account.workspaceId().equals(workspaceId))) {
            throw new NotFoundException("account", id);
        }
        return account;
    }

    /** Writes new balances (checked for overflow and funds by the caller) and both entries. */
    private void move(Account debit, long debitBalance, Account credit, long creditBalance, long amount, Transfer transfer) {
        Account debited = with(debit, debitBalance, debit.reserved());
        Account credited = with(credit, creditBalance, credit.reserved());
        save(debited);
        save(credited);
        entry(debited, -amount, transfer);
        entry(credited, amount, transfer);
    }

    /** The last check of a request: the debit account may go negative, or has {@code amount} available. */
    private static void requireFunds(Account debit, long amount) {
        if (!debit.mayGoNegative() && debit.available() < amount) {
            throw new InsufficientFundsException("account " + debit.id() + " has " + debit.available()
                    + " " + debit.unit() + " available, not enough for this transfer");
        }
    }

    private static Account with(Account a, long balance, long reserved) {
        return new Account(a.id(), a.workspaceId(), a.code(), a.unit(), a.mayGoNegative(), balance, reserved, a.createdAt());
    }

    private static long plus(long a, long b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            throw new InvalidInputException("amount", "would overflow an account's balance");
        }
    }

    private static long minus(long a, long b) {
        try {
            return Math.subtractExact(a, b);
        } catch (ArithmeticException e) {
            throw new InvalidInputException("amount", "would overflow an account's balance");
        }
    }

    private void save(Account account) {
        t.put(t.accounts, account.id().value(), account);
    }

    private void entry(Account account, long amount, Transfer transfer) {
        EntryKey last = t.entries.floorKey(new EntryKey(account.id().value(), Long.MAX_VALUE));
        long sequence = last != null && last.accountId().equals(account.id().value()) ? last.sequence() + 1 : 1;
        t.put(t.entries, new EntryKey(account.id().value(), sequence),
                new Entry(account.id(), sequence, transfer.id(), amount, account.balance(), transfer.createdAt()));
    }

    /**
     * Writes a transfer and its key. Like PostgreSQL's unique index on (workspace_id,
     * idempotency_key), refuses a second transfer under a key already taken in the workspace; the
     * call fails and its changes are undone.
     */
    private void record(Transfer transfer) {
        TransferKey key = new TransferKey(transfer.workspaceId().value(), transfer.idempotencyKey());
        if (t.transferKeys.containsKey(key)) {
            throw new ConflictException("idempotency key " + transfer.idempotencyKey() + " is already taken in workspace "
                    + transfer.workspaceId());
        }
        t.put(t.transfers, transfer.id().value(), transfer);
        t.put(t.transferKeys, key, transfer.id().value());
    }

    private Transfer byKey(WorkspaceId workspaceId, String key) {
        java.util.UUID id = t.transferKeys.get(new TransferKey(workspaceId.value(), key));
        return id == null ? null : t.transfers.get(id);
    }

    @Override
    public Transfer getTransfer(WorkspaceId workspaceId, TransferId id) {
        Check.required("workspaceId", workspaceId);
        Check.required("transferId", id);
        Transfer transfer = t.transfers.get(id.value());
        if (transfer == null || !transfer.workspaceId().equals(workspaceId)) {
            throw new NotFoundException("transfer", id);
        }
        return transfer;
    }

    @Override
    public Optional<Transfer> findByKey(WorkspaceId workspaceId, String idempotencyKey) {
        Check.required("workspaceId", workspaceId);
        Check.required("idempotencyKey", idempotencyKey);
        return Optional.ofNullable(byKey(workspaceId, idempotencyKey));
    }

    @Override
    public Page<Entry> history(WorkspaceId workspaceId, AccountId accountId, PageRequest page) {
        Check.required("page", page);
        Account account = getAccount(workspaceId, accountId);
        List<Entry> rows = t.entries.subMap(new EntryKey(account.id().value(), page.afterSequence()), false,
                        new EntryKey(account.id().value(), Long.MAX_VALUE), true)
                .values().stream().limit(page.limit() + 1L).toList();
        return Page.ofSequence(rows, page.limit(), Entry::sequence);
    }

    @Override
    public long balanceAt(WorkspaceId workspaceId, AccountId accountId, Instant at) {
        Check.required("at", at);
        Account account = getAccount(workspaceId, accountId);
        return t.entries.subMap(new EntryKey(account.id().value(), 0), true, new EntryKey(account.id().value(), Long.MAX_VALUE), true)
                .values().stream().filter(e -> !e.createdAt().isAfter(at)).mapToLong(Entry::amount).sum();
    }

    @Override
    public LedgerReport verify() {
        List<String> problems = new ArrayList<>();
        Map<java.util.UUID, List<Entry>> byTransfer = new HashMap<>();
        Map<java.util.UUID, Long> sums = new HashMap<>();
        Map<java.util.UUID, Long> reserved = new HashMap<>();
        for (Entry e : t.entries.values()) {
            byTransfer.computeIfAbsent(e.transferId().value(), k -> new ArrayList<>()).add(e);
            long before = sums.getOrDefault(e.accountId().value(), 0L);
            if (before + e.amount() != e.balanceAfter()) {
                problems.add("entry " + e.sequence() + " of account " + e.accountId() + " breaks the running balance");
            }
            sums.put(e.accountId().value(), before + e.amount());
        }
        for (Transfer tr : t.transfers.values()) {
            boolean moves = tr.kind() == TransferKind.POSTED || tr.kind() == TransferKind.POST_PENDING;
            List<Entry> lines = byTransfer.getOrDefault(tr.id().value(), List.of());
            long sum = lines.stream().mapToLong(Entry::amount).sum();
            if (moves && (lines.size() != 2 || sum != 0 || lines.stream().anyMatch(l -> Math.abs(l.amount()) != tr.amount()))) {
                problems.add("transfer " + tr.id() + " does not balance: " + lines.size() + " entries summing to " + sum);
            }
            if (!moves && !lines.isEmpty()) {
                problems.add(tr.kind() + " transfer " + tr.id() + " has entries");
            }
            if (tr.kind() == TransferKind.PENDING && !t.resolutions.containsKey(tr.id().value())) {
                reserved.merge(tr.debitAccountId().value(), tr.amount(), Long::sum);
            }
        }
        for (Account a : t.accounts.values()) {
            long entrySum = sums.getOrDefault(a.id().value(), 0L);
            if (a.balance() != entrySum) {
                problems.add("account " + a.id() + " has balance " + a.balance() + " but its entries sum to " + entrySum);
            }
            long live = reserved.getOrDefault(a.id().value(), 0L);
            if (a.reserved() != live) {
                problems.add("account " + a.id() + " reserves " + a.reserved() + " but its live pending transfers hold " + live);
            }
            if (!a.mayGoNegative() && a.available() < 0) {
                problems.add("account " + a.id() + " may not go negative but has " + a.available() + " available");
            }
        }
        return new LedgerReport(t.accounts.size(), t.transfers.size(), t.entries.size(), problems);
    }
}
