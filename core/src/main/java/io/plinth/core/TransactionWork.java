package io.plinth.core;

/**
 * A unit of work: everything it does through the given {@link Transaction} commits together, or
 * nothing does. It may run more than once when a retryable failure occurs, so it should not have
 * side effects outside the store.
 *
 * @param <T> what the work returns
 */
@FunctionalInterface
public interface TransactionWork<T> {
    T run(Transaction tx);
}
