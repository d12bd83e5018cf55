package io.plinth.ledger;

/** The nature of a transfer (seed 000's {@code Transaction.type}). */
public enum TransferType {
    CREDIT, DEBIT, TRIBUTE
}
