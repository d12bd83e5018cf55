package io.plinth.testkit;

import io.plinth.core.AbstractStore;
import io.plinth.core.Check;
import io.plinth.core.RetryPolicy;
import io.plinth.core.TransactionWork;
import java.time.Clock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The in-memory store: every repository with the same semantics as PostgreSQL — unique keys,
 * foreign keys and their cascades, optimistic versions, tenant scope, the same exceptions — and
 * no database. Meant for application tests; the contract suite proves it behaves like Postgres.
 *
 * <p>Units of work run one at a time (serializable). Every change is journaled; if the work
 * throws, the journal undoes it, so a failed unit of work leaves nothing behind, and a failed
 * repository call inside a unit of work leaves nothing of its own. Thread-safe. Like every store,
 * it refuses a unit of work started inside another and any use after {@link #close()}.
 */
public final class InMemoryStore extends AbstractStore {
    private final ReentrantLock lock = new ReentrantLock(true);
    private final Tables tables = new Tables();

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
            InMemoryTransaction tx = new InMemoryTransaction(tables, this::now);
            boolean committed = false;
            try {
                T result = work.run(tx);
                tables.commit();
                committed = true;
                return result;
            } finally {
                tx.end();
                if (!committed) {
                    tables.rollbackTo(0);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Nothing to release: the tables are dropped with the store. */
    @Override
    protected void release() {
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
