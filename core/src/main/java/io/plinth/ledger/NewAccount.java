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

    /**
     * A builder of a {@code NewAccount}: each component is set by its name, so that two values of one
     * type cannot change places unnoticed.
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Sets the components of a {@link NewAccount} by name. A component not set is null, false or 0;
     * {@link #build()} validates as the canonical constructor does. Not thread-safe; one builder may
     * build several records.
     */
    public static final class Builder {
        private WorkspaceId workspaceId;
        private String code;
        private String unit;
        private boolean mayGoNegative;

        private Builder() {
        }

        /** Sets {@link NewAccount#workspaceId()}. */
        public Builder workspaceId(WorkspaceId workspaceId) {
            this.workspaceId = workspaceId;
            return this;
        }

        /** Sets {@link NewAccount#code()}. */
        public Builder code(String code) {
            this.code = code;
            return this;
        }

        /** Sets {@link NewAccount#unit()}. */
        public Builder unit(String unit) {
            this.unit = unit;
            return this;
        }

        /** Sets {@link NewAccount#mayGoNegative()}. */
        public Builder mayGoNegative(boolean mayGoNegative) {
            this.mayGoNegative = mayGoNegative;
            return this;
        }

        /**
         * The {@code NewAccount} of the components set.
         *
         * @throws io.plinth.core.InvalidInputException naming the component that breaks a rule
         */
        public NewAccount build() {
            return new NewAccount(workspaceId, code, unit, mayGoNegative);
        }
    }
}
