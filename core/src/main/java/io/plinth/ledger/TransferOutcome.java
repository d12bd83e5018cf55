package io.plinth.ledger;

import java.util.Objects;

/**
 * The outcome of one request of {@link LedgerRepository#transferEach}: the transfer, or the
 * exception a lone {@link LedgerRepository#transfer} of the same request would have thrown at that
 * point of the batch. Exactly one of the two is present.
 */
public record TransferOutcome(Transfer transfer, RuntimeException error) {
    public TransferOutcome {
        if ((transfer == null) == (error == null)) {
            throw new IllegalArgumentException("an outcome holds either a transfer or an error");
        }
    }

    /** A request that succeeded. */
    public static TransferOutcome of(Transfer transfer) {
        return new TransferOutcome(Objects.requireNonNull(transfer, "transfer"), null);
    }

    /** A request that failed. */
    public static TransferOutcome failed(RuntimeException error) {
        return new TransferOutcome(null, Objects.requireNonNull(error, "error"));
    }

    /** Whether the request succeeded. */
    public boolean succeeded() {
        return transfer != null;
    }

    /** The transfer, or the request's error thrown. */
    public Transfer orThrow() {
        if (error != null) {
            throw error;
        }
        return transfer;
    }
}
