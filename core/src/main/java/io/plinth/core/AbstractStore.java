package io.plinth.core;

import io.plinth.klepsydra.PulseProfileRepository;
import io.plinth.ledger.LedgerRepository;
import io.plinth.core.internal.RepositoryCalls;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.lang.reflect.Method;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every backend shares: the retry loop around one attempt of a unit of work, the clock
 * (truncated to microseconds, PostgreSQL's precision), the auto-commit repositories, each of
 * whose calls is a unit of work of its own, and the rules of use that are the same on every
 * backend — no unit of work (nor auto-commit call) started from inside another on the same thread,
 * and nothing after {@link #close()}; both are an {@link IllegalStateException}. A backend
 * implements {@link #attempt} and {@link #release}.
 */
public abstract class AbstractStore implements Store {
    private static final Logger LOG = LoggerFactory.getLogger(AbstractStore.class);

    private final RetryPolicy retryPolicy;
    private final Clock clock;
    /** Set on the thread running a unit of work of this store, while it runs. */
    private final ThreadLocal<Boolean> working = new ThreadLocal<>();
    private volatile boolean closed;
    private final LedgerRepository ledger = autoCommit(LedgerRepository.class);
    /** The auto-commit repositories of declared models, made on first use. */
    private final java.util.Map<Class<?>, Object> declared = new java.util.concurrent.ConcurrentHashMap<>();
    private final PulseProfileRepository pulseProfiles = autoCommit(PulseProfileRepository.class);

    protected AbstractStore(RetryPolicy retryPolicy, Clock clock) {
        this.retryPolicy = Check.required("retryPolicy", retryPolicy);
        this.clock = Check.required("clock", clock);
    }

    /** Runs {@code work} once, atomically: commits if it returns, rolls back if it throws. */
    protected abstract <T> T attempt(TransactionWork<T> work);

    /**
     * Runs once a single auto-commit repository call, such as {@code store.ledger().transfer(…)}: the
     * call {@code method} of the {@code type} repository, with arguments already checked
     * ({@link RepositoryCalls}). A backend may run it more cheaply than a general unit of work, as
     * long as the call stays atomic; by default it is {@link #attempt one}.
     *
     * @return what the call returns; throws what it throws
     */
    protected Object attemptCall(Class<?> type, Method method, Object[] args) {
        return attempt(tx -> {
            try {
                return RepositoryCalls.invoke(method, repositoryOf(tx, type), args);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The {@code type} repository of a unit of work. */
    private static Object repositoryOf(Transaction tx, Class<?> type) {
        if (type == LedgerRepository.class) {
            return tx.ledger();
        }
        if (type == PulseProfileRepository.class) {
            return tx.pulseProfiles();
        }
        return tx.repository(type);
    }

    /** Releases the backend's resources; called once, by {@link #close()}. */
    protected abstract void release();

    /**
     * Closes the store: later calls on it, its repositories or a unit of work fail with an
     * {@link IllegalStateException}. Closing twice does nothing.
     */
    @Override
    public final void close() {
        if (!closed) {
            closed = true;
            release();
        }
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return closed;
    }

    /** The current time at the store's precision (microseconds). */
    public Instant now() {
        Instant now = clock.instant();
        if (now.isBefore(Check.MIN_INSTANT) || now.isAfter(Check.MAX_INSTANT)) {
            throw new IllegalStateException("the store's clock reads " + now + ", outside the instants Plinth stores");
        }
        return now.truncatedTo(ChronoUnit.MICROS);
    }

    /** Fails unless a new unit of work may start here: the store is open and this thread runs none of its work. */
    private void requireNewWork() {
        if (closed) {
            throw new IllegalStateException("the store is closed");
        }
        if (working.get() != null) {
            throw new IllegalStateException("a unit of work cannot start another one, nor call the store's own "
                    + "repositories: use the Transaction passed to the work");
        }
    }

    @Override
    public <T> T inTransaction(TransactionWork<T> work) {
        return inTransaction(retryPolicy, work);
    }

    @Override
    public <T> T inTransaction(RetryPolicy policy, TransactionWork<T> work) {
        Check.required("policy", policy);
        Check.required("work", work);
        requireNewWork();
        working.set(Boolean.TRUE);
        try {
            return retrying(policy, () -> attempt(work));
        } finally {
            working.remove();
        }
    }

    @Override
    public final void useTransaction(TransactionConsumer work) {
        useTransaction(retryPolicy, work);
    }

    @Override
    public final void useTransaction(RetryPolicy policy, TransactionConsumer work) {
        Check.required("work", work);
        inTransaction(policy, tx -> {
            work.accept(tx);
            return null;
        });
    }

    private static <T> T retrying(RetryPolicy policy, java.util.function.Supplier<T> once) {
        for (int attempt = 1; ; attempt++) {
            try {
                return once.get();
            } catch (RetryableException e) {
                if (attempt >= policy.maxAttempts()) {
                    throw e;
                }
                LOG.debug("unit of work failed on attempt {} and will be retried: {}", attempt, e.getMessage());
                sleep(policy.backoff(attempt).toNanos());
            }
        }
    }

    private static void sleep(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetryableException("interrupted while waiting to retry", e);
        }
    }

    private <R> R autoCommit(Class<R> type) {
        return RepositoryCalls.proxy(type, this, null, (method, target, args) -> {
            requireNewWork();
            return retrying(retryPolicy, () -> attemptCall(type, method, args));
        });
    }

    @Override
    public <R> R repository(Class<R> type) {
        io.plinth.core.table.Schema.forRepository(type);
        return type.cast(declared.computeIfAbsent(type, t -> autoCommit(type)));
    }

    @Override
    public LedgerRepository ledger() {
        return ledger;
    }

    @Override
    public PulseProfileRepository pulseProfiles() {
        return pulseProfiles;
    }
}
