package io.plinth.ledger;

import io.plinth.core.ReadOnly;
import io.plinth.core.Page;
import io.plinth.core.PageRequest;
import io.plinth.tenancy.WorkspaceId;
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
 * The platform's system accounts have calls of their own ({@link #getSystemAccount},
 * {@link #findSystemAccount}, {@link #listSystemAccounts}); no call takes a null workspace.
 * <p>Money that belongs to nobody is the platform's to make: debiting a system account (which may
 * go negative) and opening a workspace account that may go negative both mint money, so the
 * workspace-scoped calls ({@link #transfer}, {@link #transferAll}, {@link #openAccount}) refuse them,
 * and an application does them deliberately through the platform-scoped calls
 * ({@link #platformTransfer}, {@link #platformTransferAll}, {@link #openPlatformAccount}).
 *
 * <h2>Order of checks</h2>
 * A request that breaks several rules fails with the first of them, in this order, on every
 * backend. The records check their own fields when they are made, before any store sees them.
 * <p>{@link #transfer}, {@link #transferAll}, {@link #platformTransfer} and {@link #platformTransferAll} check the batch, then each request in the batch's
 * order (a request sees what the requests before it did):
 * <ol>
 *   <li>the batch holds 1 to {@link Ledger#MAX_BATCH} requests, none null:
 *       {@code InvalidInputException} naming {@code requests} (or {@code requests[i]});</li>
 *   <li>the debit account exists and is the request's workspace's or a system account:
 *       {@code NotFoundException};</li>
 *   <li>the credit account likewise: {@code NotFoundException};</li>
 *   <li>the debit account is not a system account, unless the call is the platform's
 *       ({@link #platformTransfer}, {@link #platformTransferAll}): {@code InvalidInputException} naming
 *       {@code debitAccountId};</li>
 *   <li>the idempotency key: if the workspace already has a transfer under it (made earlier, or by an
 *       earlier request of the same batch), the same request returns that transfer and nothing
 *       below is checked; another request is a {@code ConflictException};</li>
 *   <li>at least one of the accounts is the workspace's own: {@code InvalidInputException} naming
 *       {@code workspaceId};</li>
 *   <li>both accounts hold the same unit: {@code InvalidInputException} naming {@code creditAccountId};</li>
 *   <li>a pending transfer's expiry is in the future: {@code InvalidInputException} naming
 *       {@code expiresAt};</li>
 *   <li>no balance leaves {@code long} (for a pending transfer, the debit account's reservation;
 *       for a posted one, both balances): {@code InvalidInputException} naming {@code amount};</li>
 *   <li>the debit account may go negative or has the amount available:
 *       {@code InsufficientFundsException}.</li>
 * </ol>
 * {@link #resolve} checks:
 * <ol>
 *   <li>the idempotency key: a transfer already made under it in the workspace is returned if it is
 *       this resolution, else a {@code ConflictException};</li>
 *   <li>the pending transfer exists in the workspace: {@code NotFoundException};</li>
 *   <li>it is a pending transfer: {@code InvalidInputException} naming {@code pendingId};</li>
 *   <li>it is not resolved yet: {@code ConflictException};</li>
 *   <li>when posting, it has not expired: {@code ConflictException};</li>
 *   <li>the amount posted is at most the pending amount: {@code InvalidInputException} naming
 *       {@code amount};</li>
 *   <li>when posting, no balance leaves {@code long}: {@code InvalidInputException} naming
 *       {@code amount}.</li>
 * </ol>
 */
public interface LedgerRepository {
    /**
     * Opens an account of a workspace, one that may not go negative; the same owner, code and unit
     * twice is a conflict. Workspace-scoped: a system account, or an account that may go negative,
     * takes {@link #openPlatformAccount}.
     *
     * @throws io.plinth.core.InvalidInputException naming {@code workspaceId} for a system account,
     *         or {@code mayGoNegative} for an account that may go negative
     * @throws io.plinth.core.NotFoundException if the workspace does not exist
     * @throws io.plinth.core.ConflictException if the owner already has an account of that code and unit
     */
    Account openAccount(NewAccount account);

    /**
     * Opens an account as the platform: a system account ({@code workspaceId} null), or a workspace
     * account that may go negative. Either lets the platform mint money — a system account through
     * {@link #platformTransfer}, a workspace account that may go negative through any transfer — so
     * an application calls this deliberately, for itself, never on behalf of a workspace's request.
     * Otherwise as {@link #openAccount}.
     *
     * @throws io.plinth.core.NotFoundException if the workspace does not exist
     * @throws io.plinth.core.ConflictException if the owner already has an account of that code and unit
     */
    Account openPlatformAccount(NewAccount account);

    /**
     * The workspace's account of the code and unit of {@code account}, opened if the workspace has
     * none yet: {@link #findAccount} and {@link #openAccount} in one call that is safe under
     * concurrency — however many threads or processes call it at once, one account is opened and
     * every caller gets that account. Workspace-scoped, with {@link #openAccount}'s rules.
     *
     * @throws io.plinth.core.InvalidInputException naming {@code workspaceId} for a system account,
     *         or {@code mayGoNegative} for an account that may go negative
     * @throws io.plinth.core.NotFoundException if the workspace does not exist
     * @throws io.plinth.core.ConflictException if the existing account differs from {@code account}
     *         (in whether it may go negative)
     */
    Account findOrOpenAccount(NewAccount account);

    /**
     * {@link #findOrOpenAccount} as the platform: the account may be a system account (the mint, found
     * or opened once at start-up by every instance of a service) or a workspace account that may go
     * negative; otherwise as {@link #openPlatformAccount}.
     *
     * @throws io.plinth.core.NotFoundException if the workspace does not exist
     * @throws io.plinth.core.ConflictException if the existing account differs from {@code account}
     *         (in whether it may go negative)
     */
    Account findOrOpenPlatformAccount(NewAccount account);

    /** An account of the workspace; a system account or another workspace's is not found. */
    @ReadOnly
    Account getAccount(WorkspaceId workspaceId, AccountId accountId);

    /** The workspace's account of that code and unit, if it has one. */
    @ReadOnly
    Optional<Account> findAccount(WorkspaceId workspaceId, String code, String unit);

    /** The workspace's accounts, in id order. */
    @ReadOnly
    Page<Account> listAccounts(WorkspaceId workspaceId, PageRequest page);

    /** A system account of the platform; a workspace's account is not found. */
    @ReadOnly
    Account getSystemAccount(AccountId accountId);

    /** The platform's system account of that code and unit (such as {@code mint}, {@code XCR}), if there is one. */
    @ReadOnly
    Optional<Account> findSystemAccount(String code, String unit);

    /** The platform's system accounts, in id order. */
    @ReadOnly
    Page<Account> listSystemAccounts(PageRequest page);

    /** The workspace's transfers in id order. */
    @ReadOnly
    Page<Transfer> listTransfers(WorkspaceId workspaceId, PageRequest page);

    /** The workspace's ΞCredits: the balance of its {@link Ledger#CREDIT_ACCOUNT} account, 0 if it has none. */
    @ReadOnly
    long credits(WorkspaceId workspaceId);

    /**
     * Executes a transfer, or returns the earlier result of the same request. Workspace-scoped: it
     * may not debit a system account (that mints money; see {@link #platformTransfer}).
     *
     * @throws io.plinth.core.InvalidInputException naming {@code debitAccountId} if the debit account
     *         is a system account, or the field of another broken rule
     * @throws io.plinth.core.InsufficientFundsException if the debit account may not go that low
     * @throws io.plinth.core.ConflictException if the key was used for a different request
     */
    Transfer transfer(TransferRequest request);

    /**
     * Executes the transfers in order, all or nothing. Workspace-scoped, like {@link #transfer}: no
     * request may debit a system account.
     *
     * @throws io.plinth.core.InvalidInputException naming {@code requests} if {@code requests} is
     *         null, empty or longer than {@link Ledger#MAX_BATCH}
     */
    List<Transfer> transferAll(List<TransferRequest> requests);

    /**
     * Executes the transfers in order, each on its own: every request succeeds or fails as a lone
     * {@link #transfer} of it would at that point (the same rules, idempotency and history), and
     * one request's failure leaves the others as they are. Outside a unit of work a batch takes one
     * round trip and one commit per 64 requests (on PostgreSQL, longer transactions of this kind slow
     * every other session down); should the call fail midway (a lost connection), repeating the whole
     * batch is safe, since every request carries its idempotency key. Inside a unit of work, all of it
     * is the caller's transaction. Workspace-scoped, like {@link #transfer}.
     *
     * @return an outcome per request, in order
     * @throws io.plinth.core.InvalidInputException naming {@code requests} if {@code requests} is
     *         null, empty or longer than {@link Ledger#MAX_BATCH}
     */
    List<TransferOutcome> transferEach(List<TransferRequest> requests);

    /**
     * Executes a transfer as the platform: like {@link #transfer}, but its debit account may be a
     * system account, which mints money into the workspace (a grant, a purchase paid outside the
     * ledger). The transfer still belongs to the request's workspace, whose account must be one of
     * the two. A pending transfer made this way resolves with {@link #resolve} like any other:
     * posting moves at most what the platform reserved. An application calls this deliberately,
     * for itself, never on behalf of a workspace's request.
     */
    Transfer platformTransfer(TransferRequest request);

    /** Executes transfers as the platform, in order, all or nothing: {@link #transferAll} as {@link #platformTransfer}. */
    List<Transfer> platformTransferAll(List<TransferRequest> requests);

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
