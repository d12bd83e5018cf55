package io.plinth.core.internal;

/**
 * The life of one unit of work's {@link io.plinth.core.Transaction}: usable only on the thread that
 * runs the work and only until the work ends. Every backend checks it on every repository call, so
 * misuse fails the same way everywhere. Thread-safe.
 */
public final class UnitOfWork {
    private final Thread owner = Thread.currentThread();
    private volatile boolean ended;

    /** Throws {@link IllegalStateException} when the work has ended or the caller is another thread. */
    public void checkUsable() {
        if (ended) {
            throw new IllegalStateException("this transaction has ended: use a Transaction only inside its unit of work");
        }
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("a Transaction is used only on the thread that runs its unit of work");
        }
    }

    /** Marks the work as ended; later calls fail. */
    public void end() {
        ended = true;
    }
}
