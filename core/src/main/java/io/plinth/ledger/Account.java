package io.plinth.ledger;

import io.plinth.core.Check;
import io.plinth.tenancy.WorkspaceId;
import java.time.Instant;

/**
 * A ledger account: its posted {@code balance} (credits minus debits, in minor units) and the
 * amount {@code reserved} by pending transfers that debit it. An account that may not go negative
 * always keeps {@code available() >= 0}.
 *
 * @param workspaceId the owning workspace, or null for a system account
 */
public record Account(AccountId id, WorkspaceId workspaceId, String code, String unit, boolean mayGoNegative,
                      long balance, long reserved, Instant createdAt) {
    public Account {
        Check.required("id", id);
        Check.required("code", code);
        Check.required("unit", unit);
        Check.range("reserved", reserved, 0, Long.MAX_VALUE);
        Check.required("createdAt", createdAt);
    }

    /** What may still be debited: the balance less what pending transfers reserve. */
    public long available() {
        return balance - reserved;
    }

    /** Whether this is a platform account rather than a workspace's. */
    public boolean isSystem() {
        return workspaceId == null;
    }
}
