package io.plinth.ledger;

import io.plinth.core.Check;
import io.plinth.core.InvalidInputException;
import io.plinth.tenancy.WorkspaceId;

/**
 * Resolves a pending transfer, exactly once: posts it (in full, or in part with {@code amount}) or
 * voids it. Like every transfer request it carries an idempotency key.
 *
 * @param amount for a post, the amount to post (at most the pending amount), or null for all of it;
 *               null for a void
 */
public record Resolution(WorkspaceId workspaceId, String idempotencyKey, TransferId pendingId, boolean post, Long amount) {
    public Resolution {
        Check.required("workspaceId", workspaceId);
        Ledger.idempotencyKey(idempotencyKey);
        Check.required("pendingId", pendingId);
        if (amount != null && !post) {
            throw new InvalidInputException("amount", "is only allowed when posting");
        }
        if (amount != null && amount <= 0) {
            throw new InvalidInputException("amount", "must be positive");
        }
    }

    /** Posts all of the pending amount. */
    public static Resolution post(WorkspaceId workspaceId, String idempotencyKey, TransferId pendingId) {
        return new Resolution(workspaceId, idempotencyKey, pendingId, true, null);
    }

    /** Posts part of the pending amount; the rest is released. */
    public static Resolution post(WorkspaceId workspaceId, String idempotencyKey, TransferId pendingId, long amount) {
        return new Resolution(workspaceId, idempotencyKey, pendingId, true, amount);
    }

    /** Voids the pending transfer, releasing what it reserved. */
    public static Resolution voidPending(WorkspaceId workspaceId, String idempotencyKey, TransferId pendingId) {
        return new Resolution(workspaceId, idempotencyKey, pendingId, false, null);
    }

    /** Whether {@code done}, found under this resolution's key, is what this resolution asked for. */
    public boolean isFulfilledBy(Transfer done) {
        return done.kind() == (post ? TransferKind.POST_PENDING : TransferKind.VOID_PENDING)
                && pendingId.equals(done.pendingId())
                && (amount == null || amount == done.amount());
    }

    /**
     * A builder of a {@code Resolution}: each component is set by its name, so that two values of one
     * type cannot change places unnoticed.
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Sets the components of a {@link Resolution} by name. A component not set is null, false or 0;
     * {@link #build()} validates as the canonical constructor does. Not thread-safe; one builder may
     * build several records.
     */
    public static final class Builder {
        private WorkspaceId workspaceId;
        private String idempotencyKey;
        private TransferId pendingId;
        private boolean post;
        private Long amount;

        private Builder() {
        }

        /** Sets {@link Resolution#workspaceId()}. */
        public Builder workspaceId(WorkspaceId workspaceId) {
            this.workspaceId = workspaceId;
            return this;
        }

        /** Sets {@link Resolution#idempotencyKey()}. */
        public Builder idempotencyKey(String idempotencyKey) {
            this.idempotencyKey = idempotencyKey;
            return this;
        }

        /** Sets {@link Resolution#pendingId()}. */
        public Builder pendingId(TransferId pendingId) {
            this.pendingId = pendingId;
            return this;
        }

        /** Sets {@link Resolution#post()}. */
        public Builder post(boolean post) {
            this.post = post;
            return this;
        }

        /** Sets {@link Resolution#amount()}. */
        public Builder amount(Long amount) {
            this.amount = amount;
            return this;
        }

        /**
         * The {@code Resolution} of the components set.
         *
         * @throws io.plinth.core.InvalidInputException naming the component that breaks a rule
         */
        public Resolution build() {
            return new Resolution(workspaceId, idempotencyKey, pendingId, post, amount);
        }
    }
}
