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
}
