package io.plinth.core;

/**
 * A Plinth store: the entry point to all repositories of one backend (PostgreSQL, or the
 * in-memory test kit). Thread-safe; make one per application and close it on shutdown.
 *
 * <p>Each call on the repositories returned by {@link #users()} and friends runs in its own
 * transaction. To make several writes atomic — the seed's {@code $transaction} — run them as one
 * unit of work:
 *
 * <pre>{@code
 * Workspace ws = store.inTransaction(tx -> {
 *     User owner = tx.users().create(NewUser.of("ada@example.com", "Ada"));
 *     return tx.workspaces().create(NewWorkspace.of("Analytical Engines", owner.id()));
 * });
 * }</pre>
 *
 * Work that returns nothing runs with {@link #useTransaction}:
 *
 * <pre>{@code
 * store.useTransaction(tx -> {
 *     tx.users().update(ada.withName("Ada Lovelace"));
 *     tx.members().create(new NewMembership(workspace.id(), ada.id(), Role.ADMIN));
 * });
 * }</pre>
 *
 * If the work throws, everything it wrote is rolled back and the exception reaches the caller.
 * A {@link RetryableException} (deadlock, serialization failure, lost connection) makes the store
 * run the whole work again under the store's {@link RetryPolicy}.
 */
public interface Store extends Repositories, AutoCloseable {
    /** Runs {@code work} atomically, retrying retryable failures under the store's policy. */
    <T> T inTransaction(TransactionWork<T> work);

    /** Runs {@code work} atomically, retrying retryable failures under {@code policy}. */
    <T> T inTransaction(RetryPolicy policy, TransactionWork<T> work);

    /**
     * Runs {@code work}, which returns nothing, atomically, retrying retryable failures under the
     * store's policy: {@link #inTransaction(TransactionWork)} for a void unit of work.
     */
    void useTransaction(TransactionConsumer work);

    /** Runs {@code work}, which returns nothing, atomically, retrying retryable failures under {@code policy}. */
    void useTransaction(RetryPolicy policy, TransactionConsumer work);

    /** Releases the store's resources (connection pool, …). */
    @Override
    void close();
}
