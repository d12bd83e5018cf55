package io.plinth.graph;

import io.plinth.core.Check;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every projection fed from the {@link Outbox} shares: it reads batches after its consumer's
 * checkpoint, applies each ({@link #apply}, the projection's own job) and acknowledges it only after
 * that, so a crash between the two applies the batch again, which a state-based projection allows.
 * It runs step by step ({@link #runOnce}, {@link #runUntilCaughtUp}) or in a background thread
 * ({@link #start}, {@link #stop}), one batch at a time; the background thread retries a failed batch
 * after a growing back-off, and each time it has caught up after applying something it prunes the
 * records every consumer has passed ({@link Outbox#prune}). Run one consumer per consumer name.
 * Thread-safe.
 *
 * @param <C> the projection's own type, returned by {@link #batchSize} for chaining
 */
public abstract class OutboxConsumer<C extends OutboxConsumer<C>> implements AutoCloseable {
    /** Records per batch unless told otherwise. */
    public static final int DEFAULT_BATCH = 500;

    private static final Logger LOG = LoggerFactory.getLogger(OutboxConsumer.class);
    private static final Duration IDLE = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    /** The outbox read. */
    protected final Outbox outbox;
    /** The consumer name the checkpoint is kept under. */
    protected final String consumer;
    /** Held while a batch (or anything else that must not interleave with one) runs. */
    protected final Object lock = new Object();
    private final String threadName;
    private final AtomicLong failedBatches = new AtomicLong();
    private volatile int batchSize = DEFAULT_BATCH;
    private volatile boolean running;
    private Thread thread;

    /**
     * @param consumer   1 to 100 characters
     * @param threadName the background thread's name
     */
    protected OutboxConsumer(Outbox outbox, String consumer, String threadName) {
        this.outbox = Check.required("outbox", outbox);
        this.consumer = Check.text("consumer", consumer, 100);
        this.threadName = threadName;
    }

    /** Applies a batch, without acknowledging it; throws when it could not (the batch is applied again). */
    protected abstract void apply(List<OutboxChange> batch);

    /** Sets the records per batch, 1 to {@link Outbox#MAX_BATCH}. */
    @SuppressWarnings("unchecked")
    public C batchSize(int size) {
        this.batchSize = (int) Check.range("batchSize", size, 1, Outbox.MAX_BATCH);
        return (C) this;
    }

    /** How many outbox records are not applied yet. */
    public long lag() {
        return outbox.lag(consumer);
    }

    /** How many batches the background thread saw fail (and tried again) since this consumer was made. */
    public long failedBatches() {
        return failedBatches.get();
    }

    /** Applies one batch and acknowledges it; returns how many records it held (0 when caught up). */
    public int runOnce() {
        synchronized (lock) {
            List<OutboxChange> batch = outbox.poll(consumer, batchSize);
            if (batch.isEmpty()) {
                return 0;
            }
            apply(batch);
            outbox.acknowledge(consumer, batch.get(batch.size() - 1).position());
            return batch.size();
        }
    }

    /**
     * Applies batches until every change committed before this call is applied ({@link Outbox#head()}),
     * waiting while a transaction still running on the database server holds records back, for at most
     * {@code timeout}; returns how many records were applied.
     *
     * @throws IllegalStateException when the outbox stayed held back for longer than {@code timeout}
     */
    public long runUntilCaughtUp(Duration timeout) {
        Check.required("timeout", timeout);
        OutboxPosition head = outbox.head();
        long deadline = System.nanoTime() + timeout.toNanos();
        long total = 0;
        while (outbox.checkpoint(consumer).compareTo(head) < 0) {
            int applied = runOnce();
            total += applied;
            if (applied == 0) {
                if (System.nanoTime() - deadline > 0) {
                    throw new IllegalStateException("the outbox is still held back by a running transaction after "
                            + timeout.toSeconds() + " s; " + lag() + " records wait");
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while catching up", e);
                }
            }
        }
        return total;
    }

    /** {@link #runUntilCaughtUp(Duration)} waiting at most a minute. */
    public long runUntilCaughtUp() {
        return runUntilCaughtUp(Duration.ofMinutes(1));
    }

    /** Starts applying in a background thread; a failed batch is logged and tried again after a back-off. */
    public synchronized void start() {
        if (thread != null) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops the background thread, interrupting the batch in flight (it is applied again on the next run). */
    public synchronized void stop() {
        if (thread == null) {
            return;
        }
        running = false;
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
    }

    /** Stops the background thread. */
    @Override
    public void close() {
        stop();
    }

    private void loop() {
        Duration backoff = IDLE;
        boolean applied = false;
        while (running) {
            try {
                if (runOnce() > 0) {
                    applied = true;
                } else {
                    if (applied) {
                        long pruned = outbox.prune();
                        LOG.debug("{}: pruned {} outbox records every consumer has passed", consumer, pruned);
                        applied = false;
                    }
                    sleep(IDLE);
                }
                backoff = IDLE;
            } catch (RuntimeException e) {
                if (!running) {
                    break;
                }
                failedBatches.incrementAndGet();
                LOG.warn("{}: a batch failed, trying again in {} ms: {}", consumer, backoff.toMillis(), e.toString());
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
