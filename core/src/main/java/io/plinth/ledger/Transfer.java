package io.plinth.ledger;

import io.plinth.core.Check;
import io.plinth.core.Json;
import io.plinth.tenancy.WorkspaceId;
import java.time.Instant;

/**
 * An immutable ledger entry pair: {@code amount} moved from the debit to the credit account (for
 * {@link TransferKind#PENDING}, reserved; for {@link TransferKind#VOID_PENDING}, released).
 * Transfers are never changed or deleted; a correction is a reversing transfer.
 *
 * @param pendingId for a post or void, the pending transfer it resolves; otherwise null
 */
public record Transfer(TransferId id, WorkspaceId workspaceId, String idempotencyKey, TransferKind kind,
                       AccountId debitAccountId, AccountId creditAccountId, long amount, String unit,
                       TransferType type, String description, Json metadata, Tribute tribute,
                       TransferId pendingId, Instant expiresAt, Instant createdAt) {
    public Transfer {
        Check.required("id", id);
        Check.required("workspaceId", workspaceId);
        Check.required("idempotencyKey", idempotencyKey);
        Check.required("kind", kind);
        Check.required("debitAccountId", debitAccountId);
        Check.required("creditAccountId", creditAccountId);
        Check.required("unit", unit);
        Check.required("type", type);
        metadata = Json.absentIfNull(metadata);
        Check.required("createdAt", createdAt);
    }
}
