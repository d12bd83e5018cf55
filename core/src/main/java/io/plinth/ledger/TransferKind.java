package io.plinth.ledger;

/**
 * How a transfer moves money. {@code POSTED} moves it at once; {@code PENDING} reserves it on the
 * debit account; {@code POST_PENDING} and {@code VOID_PENDING} resolve a pending transfer, exactly once.
 */
public enum TransferKind {
    POSTED, PENDING, POST_PENDING, VOID_PENDING
}
