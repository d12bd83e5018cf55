package io.plinth.ledger;

import io.plinth.core.Check;
import io.plinth.core.ConflictException;
import io.plinth.core.InvalidInputException;
import java.util.regex.Pattern;

/** Constants and shared rules of the Obelisk Pay ledger. */
public final class Ledger {
    /** The unit of ΞCredits. */
    public static final String CREDITS = "XCR";
    /** The code of a workspace's credit account ({@code Workspace.credits} is its balance). */
    public static final String CREDIT_ACCOUNT = "credits";
    /** Largest number of transfers in one atomic batch. */
    public static final int MAX_BATCH = 10_000;

    private static final Pattern UNIT = Pattern.compile("[A-Z][A-Z0-9]{1,9}");
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]+");

    private Ledger() {
    }

    /**
     * Checks a batch of transfer requests: 1 to {@link #MAX_BATCH} of them, none null.
     *
     * @return the batch, for chaining
     */
    public static java.util.List<TransferRequest> batch(java.util.List<TransferRequest> requests) {
        Check.required("requests", requests);
        if (requests.isEmpty() || requests.size() > MAX_BATCH) {
            throw new InvalidInputException("requests", "must hold 1 to " + MAX_BATCH + " transfers");
        }
        for (int i = 0; i < requests.size(); i++) {
            Check.required("requests[" + i + "]", requests.get(i));
        }
        return requests;
    }

    /**
     * The idempotency key under which {@link LedgerRepository#expirePending()} voids the expired
     * pending transfer {@code pendingId}. Plinth's own keys contain a space, which the rule for a
     * client's key ({@link TransferRequest}, {@link Resolution}) refuses: no client request can take
     * such a key first, nor be taken for the sweep's.
     */
    public static String expiryKey(TransferId pendingId) {
        return "expire " + Check.required("pendingId", pendingId);
    }

    /**
     * The rule of a workspace-scoped {@link LedgerRepository#openAccount}: the account is a
     * workspace's (not a system account) and may not go negative. Checked by every backend.
     *
     * @return the account, for chaining
     */
    public static NewAccount workspaceAccount(NewAccount account) {
        if (account.workspaceId() == null) {
            throw new InvalidInputException("workspaceId",
                    "is required: a system account is the platform's to open (openPlatformAccount)");
        }
        if (account.mayGoNegative()) {
            throw new InvalidInputException("mayGoNegative",
                    "must be false: an account that may go negative is the platform's to open (openPlatformAccount)");
        }
        return account;
    }

    /**
     * The error of {@link LedgerRepository#findOrOpenAccount} (and its platform twin) when the account
     * found differs from the one asked for, the same on every backend.
     */
    public static ConflictException differentAccount(Account found) {
        return new ConflictException("account " + found.code() + " in " + found.unit() + " exists and "
                + (found.mayGoNegative() ? "may" : "may not") + " go negative, unlike the account asked for");
    }

    /**
     * The error of a workspace-scoped transfer that debits a system account, the same on every
     * backend (PostgreSQL's ledger functions raise it with the same message).
     */
    public static InvalidInputException systemDebit() {
        return new InvalidInputException("debitAccountId",
                "must not be a system account: debiting one mints money, which only a platform transfer may do");
    }

    static String unit(String field, String unit) {
        return Check.matches(field, unit, 10, UNIT, "must be 2 to 10 upper-case letters or digits, e.g. XCR");
    }

    static String idempotencyKey(String key) {
        return Check.matches("idempotencyKey", key, 128, KEY, "must be 1 to 128 printable characters without spaces");
    }
}
