package io.plinth.ledger;

import io.plinth.core.Check;
import io.plinth.core.InvalidInputException;
import io.plinth.core.Json;
import io.plinth.tenancy.WorkspaceId;
import java.time.Instant;

/**
 * A request to move {@code amount} minor units from the debit account to the credit account. Made
 * with its {@link #builder()}, every component named:
 *
 * <pre>{@code
 * TransferRequest purchase = TransferRequest.builder()
 *         .workspaceId(workspace.id()).idempotencyKey("order-8812")
 *         .debitAccountId(mint.id()).creditAccountId(wallet.id())
 *         .amount(5_000).type(TransferType.CREDIT).description("5,000 ΞCredits bought")
 *         .build();
 * }</pre>
 *
 * Repeating a request with the same {@code idempotencyKey} in the same workspace returns the first
 * result and moves nothing; the same key with a different request is a conflict.
 *
 * @param workspaceId    the workspace the transfer belongs to; both accounts must be this
 *                       workspace's or system accounts
 * @param idempotencyKey the client's key, unique within the workspace
 * @param amount         a positive integer in minor units
 * @param description    optional, at most 500 characters
 * @param metadata       optional JSON
 * @param tribute        required for {@link TransferType#TRIBUTE}, absent otherwise
 * @param pending        true to reserve the amount now and post or void it later
 * @param expiresAt      optional expiry of a pending transfer; absent for a posted one
 */
public record TransferRequest(WorkspaceId workspaceId, String idempotencyKey, AccountId debitAccountId,
                              AccountId creditAccountId, long amount, TransferType type, String description,
                              Json metadata, Tribute tribute, boolean pending, Instant expiresAt) {
    public TransferRequest {
        Check.required("workspaceId", workspaceId);
        Ledger.idempotencyKey(idempotencyKey);
        Check.required("debitAccountId", debitAccountId);
        Check.required("creditAccountId", creditAccountId);
        if (debitAccountId.equals(creditAccountId)) {
            throw new InvalidInputException("creditAccountId", "must differ from debitAccountId");
        }
        if (amount <= 0) {
            throw new InvalidInputException("amount", "must be positive");
        }
        Check.required("type", type);
        Check.optionalText("description", description, 500);
        metadata = Json.absentIfNull(metadata);
        if (type == TransferType.TRIBUTE && tribute == null) {
            throw new InvalidInputException("tribute", "is required for a TRIBUTE transfer");
        }
        if (type != TransferType.TRIBUTE && tribute != null) {
            throw new InvalidInputException("tribute", "is only allowed on a TRIBUTE transfer");
        }
        if (!pending && expiresAt != null) {
            throw new InvalidInputException("expiresAt", "is only allowed on a pending transfer");
        }
        expiresAt = Check.instant("expiresAt", expiresAt);
    }

    /** The same request with JSON metadata. */
    public TransferRequest withMetadata(Json newMetadata) {
        return new TransferRequest(workspaceId, idempotencyKey, debitAccountId, creditAccountId, amount, type,
                description, newMetadata, tribute, pending, expiresAt);
    }

    /** The same request as a TRIBUTE with its details. */
    public TransferRequest withTribute(Tribute details) {
        return new TransferRequest(workspaceId, idempotencyKey, debitAccountId, creditAccountId, amount,
                TransferType.TRIBUTE, description, metadata, details, pending, expiresAt);
    }

    /** The same request as a pending transfer, void after {@code expiry} (null: no expiry). */
    public TransferRequest asPending(Instant expiry) {
        return new TransferRequest(workspaceId, idempotencyKey, debitAccountId, creditAccountId, amount, type,
                description, metadata, tribute, true, expiry);
    }

    /** Whether {@code done}, found under this request's key, is what this request asked for. */
    public boolean isFulfilledBy(Transfer done) {
        return done.kind() == (pending ? TransferKind.PENDING : TransferKind.POSTED)
                && done.debitAccountId().equals(debitAccountId) && done.creditAccountId().equals(creditAccountId)
                && done.amount() == amount && done.type() == type
                && java.util.Objects.equals(done.description(), description)
                && java.util.Objects.equals(done.metadata(), metadata)
                && java.util.Objects.equals(done.tribute(), tribute)
                && java.util.Objects.equals(done.expiresAt(), expiresAt);
    }

    /**
     * A builder of a {@code TransferRequest}: each component is set by its name, so that two values of one
     * type cannot change places unnoticed.
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Sets the components of a {@link TransferRequest} by name. A component not set is null, false or 0;
     * {@link #build()} validates as the canonical constructor does. Not thread-safe; one builder may
     * build several records.
     */
    public static final class Builder {
        private WorkspaceId workspaceId;
        private String idempotencyKey;
        private AccountId debitAccountId;
        private AccountId creditAccountId;
        private long amount;
        private TransferType type;
        private String description;
        private Json metadata;
        private Tribute tribute;
        private boolean pending;
        private Instant expiresAt;

        private Builder() {
        }

        /** Sets {@link TransferRequest#workspaceId()}. */
        public Builder workspaceId(WorkspaceId workspaceId) {
            this.workspaceId = workspaceId;
            return this;
        }

        /** Sets {@link TransferRequest#idempotencyKey()}. */
        public Builder idempotencyKey(String idempotencyKey) {
            this.idempotencyKey = idempotencyKey;
            return this;
        }

        /** Sets {@link TransferRequest#debitAccountId()}. */
        public Builder debitAccountId(AccountId debitAccountId) {
            this.debitAccountId = debitAccountId;
            return this;
        }

        /** Sets {@link TransferRequest#creditAccountId()}. */
        public Builder creditAccountId(AccountId creditAccountId) {
            this.creditAccountId = creditAccountId;
            return this;
        }

        /** Sets {@link TransferRequest#amount()}. */
        public Builder amount(long amount) {
            this.amount = amount;
            return this;
        }

        /** Sets {@link TransferRequest#type()}. */
        public Builder type(TransferType type) {
            this.type = type;
            return this;
        }

        /** Sets {@link TransferRequest#description()}. */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /** Sets {@link TransferRequest#metadata()}. */
        public Builder metadata(Json metadata) {
            this.metadata = metadata;
            return this;
        }

        /** Sets {@link TransferRequest#tribute()}. */
        public Builder tribute(Tribute tribute) {
            this.tribute = tribute;
            return this;
        }

        /** Sets {@link TransferRequest#pending()}. */
        public Builder pending(boolean pending) {
            this.pending = pending;
            return this;
        }

        /** Sets {@link TransferRequest#expiresAt()}. */
        public Builder expiresAt(Instant expiresAt) {
            this.expiresAt = expiresAt;
            return this;
        }

        /**
         * The {@code TransferRequest} of the components set.
         *
         * @throws io.plinth.core.InvalidInputException naming the component that breaks a rule
         */
        public TransferRequest build() {
            return new TransferRequest(workspaceId, idempotencyKey, debitAccountId, creditAccountId, amount,
                    type, description, metadata, tribute, pending, expiresAt);
        }
    }
}
