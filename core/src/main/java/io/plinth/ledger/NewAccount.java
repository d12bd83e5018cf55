package io.plinth.ledger;

import io.plinth.core.Check;
import io.plinth.tenancy.WorkspaceId;
import java.util.regex.Pattern;

/**
 * What it takes to open an {@link Account}.
 *
 * @param workspaceId   the owning workspace, or null for a system account of the platform
 * @param code          the account's name within its owner, e.g. {@code credits} or {@code mint};
 *                      unique per owner and unit
 * @param unit          the unit it holds, e.g. {@link Ledger#CREDITS}
 * @param mayGoNegative whether its available balance may fall below zero (system mint/burn accounts);
 *                      a workspace account that may is the platform's to open
 *                      ({@link LedgerRepository#openPlatformAccount})
 */
public record NewAccount(WorkspaceId workspaceId, String code, String unit, boolean mayGoNegative) {
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_.:-]*");

    public NewAccount {
        Check.matches("code", code, 64, CODE, "must be lower-case letters, digits or _.:- starting with a letter");
        Ledger.unit("unit", unit);
    }

    /** A workspace's ΞCredits account, which may not go negative. */
    public static NewAccount workspaceCredits(WorkspaceId workspaceId) {
        return new NewAccount(Check.required("workspaceId", workspaceId), Ledger.CREDIT_ACCOUNT, Ledger.CREDITS, false);
    }

    /**
     * A platform account that may go negative, such as the one that mints credits. Opened with
     * {@link LedgerRepository#openPlatformAccount}, debited only by
     * {@link LedgerRepository#platformTransfer}.
     */
    public static NewAccount system(String code, String unit) {
        return new NewAccount(null, code, unit, true);
    }
}
