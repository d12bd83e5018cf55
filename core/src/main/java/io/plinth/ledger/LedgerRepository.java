package io.plinth.ledger;

import io.plinth.core.ReadOnly;
import io.plinth.core.Page;
import io.plinth.core.PageRequest;
import io.plinth.tenancy.WorkspaceId;
import org.jspecify.annotations.Nullable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The Obelisk Pay ledger: double-entry, immutable, idempotent. Its guarantees, each proven by the
 * contract suite on every backend:
 * <ul>
 *   <li>a transfer moves an exact positive amount between two different accounts of one unit, at
 *       least one of them the transfer's workspace's own, and its debit and credit happen together
 *       or not at all;</li>
 *   <li>transfers are immutable; a correction is a reversing transfer;</li>
 *   <li>at most one transfer per idempotency key and workspace; a repeat returns the original;</li>
 *   <li>a batch commits all or nothing;</li>
 *   <li>a pending transfer reserves funds and resolves (post or void) at most once;</li>
 *   <li>no account that may not go negative ever has a negative available balance.</li>
 * </ul>
 * Workspace-scoped calls take the workspace; another workspace's account or transfer is not found.
 * Account look-ups with a null workspace address the platform's system accounts.
 */
public interface LedgerRepository {
    /** Opens an account; the same owner, code and unit twice is a conflict. */
    Account openAccount(NewAccount account);

    /** An account of the workspace (a system account when {@code workspaceId} is null). */
    @ReadOnly
    Account getAccount(@Nullable WorkspaceId workspaceId, AccountId accountId);

    /** An account of the workspace (or, with a null workspace, a system account) by code and unit. */
    @ReadOnly
    Optional<Account> findAccount(@Nullable WorkspaceId workspaceId, String code, String unit);

    /** The workspace's accounts (the system accounts when {@code workspaceId} is null), in id order. */
    @ReadOnly
    Page<Account> listAccounts(@Nullable WorkspaceId workspaceId, PageRequest page);

    /** The workspace's transfers in id order. */
    @ReadOnly
    Page<Transfer> listTransfers(WorkspaceId workspaceId, PageRequest page);

    /** The workspace's ΞCredits: the balance of its {@link Ledger#CREDIT_ACCOUNT} account, 0 if it has none. */
    @ReadOnly
    long credits(WorkspaceId workspaceId);

    /**
     * Executes a transfer, or returns the earlier result of the same request.
     *
     * @throws io.plinth.core.InsufficientFundsException if the debit account may not go that low
     * @throws io.plinth.core.ConflictException if the key was used for a different request
     */
    Transfer transfer(TransferRequest request);

    /** Executes the transfers in order, all or nothing. */
    List<Transfer> transferAll(List<TransferRequest> requests);

    /** Posts or voids a pending transfer, exactly once; expired pending transfers cannot be posted. */
    Transfer resolve(Resolution resolution);

    /** Voids every pending transfer whose expiry has passed; returns how many. */
    int expirePending();

    /** A transfer of the workspace. */
    @ReadOnly
    Transfer getTransfer(WorkspaceId workspaceId, TransferId transferId);

    /** The transfer made under an idempotency key, if any. */
    @ReadOnly
    Optional<Transfer> findByKey(WorkspaceId workspaceId, String idempotencyKey);

    /** The account's entries in commit order, each with the running balance. */
    @ReadOnly
    Page<Entry> history(WorkspaceId workspaceId, AccountId accountId, PageRequest page);

    /** The account's balance as of {@code at}: the sum of its entries made at or before then. */
    @ReadOnly
    long balanceAt(WorkspaceId workspaceId, AccountId accountId, Instant at);

    /** Checks the whole ledger and reports every broken invariant. */
    @ReadOnly
    LedgerReport verify();
}
