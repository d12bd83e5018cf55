package io.plinth.testkit;

import io.plinth.core.AbstractStore;
import io.plinth.core.Check;
import io.plinth.core.RetryPolicy;
import io.plinth.core.TransactionWork;
import io.plinth.testkit.tenancy.TenancyTables;
import java.time.Clock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The in-memory store: every repository with the same semantics as PostgreSQL — unique keys,
 * foreign keys and their cascades, optimistic versions, tenant scope, the same exceptions — and
 * no database. Meant for application tests; the contract suite proves it behaves like Postgres.
 *
 * <p>Units of work run one at a time (serializable) on a private copy of the data, which becomes
 * the store's data only when the work returns; if the work throws, the copy is dropped, so a
 * failed unit of work leaves nothing behind. Thread-safe. Do not start a unit of work from inside
 * another one.
 */
public final class InMemoryStore extends AbstractStore {
    private final ReentrantLock lock = new ReentrantLock(true);
    private TenancyTables tables = new TenancyTables();

    private InMemoryStore(Builder builder) {
        super(builder.retryPolicy, builder.clock);
    }

    /** An empty store with the system clock and the default retry policy. */
    public static InMemoryStore create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected <T> T attempt(TransactionWork<T> work) {
        lock.lock();
        try {
            TenancyTables working = tables.copy();
            InMemoryTransaction tx = new InMemoryTransaction(working, this::now);
            try {
                T result = work.run(tx);
                tables = working;
                return result;
            } finally {
                tx.end();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Nothing to release; present so the in-memory store is used exactly like the others. */
    @Override
    public void close() {
    }

    /** Configures an {@link InMemoryStore}. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;

        private Builder() {
        }

        /** The clock the store takes times from; a {@link TestClock} lets a test move time. */
        public Builder clock(Clock clock) {
            this.clock = Check.required("clock", clock);
            return this;
        }

        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Check.required("retryPolicy", retryPolicy);
            return this;
        }

        public InMemoryStore build() {
            return new InMemoryStore(this);
        }
    }
}
