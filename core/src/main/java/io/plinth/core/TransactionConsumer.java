package io.plinth.core;

/**
 * A unit of work that returns nothing ({@link Store#useTransaction}): everything it does through the
 * given {@link Transaction} commits together, or nothing does. Like a {@link TransactionWork}, it may
 * run more than once when a retryable failure occurs, so it should not have side effects outside the
 * store.
 */
@FunctionalInterface
public interface TransactionConsumer {
    /** Does the work through {@code tx}; throwing rolls everything it wrote back. */
    void accept(Transaction tx);
}
