package io.plinth.postgres.ledger;

import io.plinth.ledger.Ledger;
import io.plinth.ledger.Transfer;
import io.plinth.ledger.TransferOutcome;
import io.plinth.ledger.TransferRequest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Group commit of a store's concurrent auto-commit transfers: they reach the database together, as
 * one independent batch ({@code plinth_ledger_transfer_each}) per round trip and commit.
 *
 * <p>At most {@code inFlight} batches run at a time. A call that arrives when fewer do runs at
 * once, alone, as a plain transfer: no timer, no added latency at low load. Calls that arrive while
 * all are in flight queue; when a batch ends, it hands every queued call (up to
 * {@link Ledger#MAX_BATCH}, in arrival order) to the oldest of them, which runs them as the next
 * batch on its own thread while the others wait for their outcome. A batch locks its accounts in id
 * order before it transfers, so batches side by side never deadlock.
 *
 * <p>To each caller it is a lone call: its own transfer or its own error (the batch returns the
 * error a lone call would have raised, see {@link PgLedgerRepository#each}); when the batch fails as
 * a whole (its connection is lost mid-commit, say), every caller of the batch gets that failure —
 * a retryable one for an unknown outcome — and a retry with the same idempotency key is safe.
 * Thread-safe.
 */
public final class GroupCommit {
    /** One caller's transfer. */
    private static final class Call {
        final TransferRequest request;
        final boolean platform;
        private List<Call> batch;
        private boolean done;
        private Transfer transfer;
        private RuntimeException error;

        Call(TransferRequest request, boolean platform) {
            this.request = request;
            this.platform = platform;
        }

        synchronized void complete(Transfer result, RuntimeException failure) {
            transfer = result;
            error = failure;
            done = true;
            notifyAll();
        }

        /** Makes the call the leader of {@code calls} (itself first). */
        synchronized void lead(List<Call> calls) {
            batch = calls;
            notifyAll();
        }

        /** Waits until the call is done, or leads a batch: returns that batch, else null. */
        synchronized List<Call> awaitTurn() {
            boolean interrupted = false;
            while (!done && batch == null) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true; // the call is queued or in a batch: its outcome is coming
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            return done ? null : batch;
        }

        synchronized Transfer result() {
            if (error != null) {
                throw error;
            }
            return transfer;
        }
    }

    /** Runs one batch; the outcomes are in the order of the requests. */
    public interface Batch {
        /** A batch of one, as a plain transfer: its result, or it throws. */
        Transfer one(TransferRequest request, boolean platform);

        /** A batch of more than one: an outcome per request, in order; throws when the batch fails whole. */
        List<TransferOutcome> each(List<TransferRequest> requests, boolean[] platform);
    }

    private final Batch batch;
    private final int inFlight;
    private final Object lock = new Object();
    private final ArrayDeque<Call> queue = new ArrayDeque<>();
    private int running;
    private long batches;

    /** @param inFlight how many batches may run at a time, at least 1 */
    public GroupCommit(Batch batch, int inFlight) {
        if (inFlight < 1) {
            throw new IllegalArgumentException("inFlight must be at least 1");
        }
        this.batch = batch;
        this.inFlight = inFlight;
    }

    /** Executes one transfer, together with whatever else arrives meanwhile. */
    public Transfer transfer(TransferRequest request, boolean platform) {
        Call call = new Call(request, platform);
        List<Call> calls = null;
        synchronized (lock) {
            if (running < inFlight) {
                running++; // none queue while a batch may start: the call goes at once, alone
                calls = List.of(call);
            } else {
                queue.add(call);
            }
        }
        if (calls == null) {
            calls = call.awaitTurn();
        }
        if (calls != null) {
            run(calls);
        }
        return call.result();
    }

    /** Runs a batch, then hands the calls queued meanwhile to the oldest of them (or frees its slot). */
    private void run(List<Call> calls) {
        try {
            execute(calls);
        } finally {
            synchronized (lock) {
                if (queue.isEmpty()) {
                    running--;
                } else {
                    List<Call> next = new ArrayList<>(Math.min(queue.size(), Ledger.MAX_BATCH));
                    while (!queue.isEmpty() && next.size() < Ledger.MAX_BATCH) {
                        next.add(queue.poll());
                    }
                    next.get(0).lead(next);
                }
            }
        }
    }

    private void execute(List<Call> calls) {
        synchronized (lock) {
            batches++;
        }
        if (calls.size() == 1) {
            Call call = calls.get(0);
            try {
                call.complete(batch.one(call.request, call.platform), null);
            } catch (RuntimeException e) {
                call.complete(null, e);
            }
            return;
        }
        List<TransferRequest> requests = new ArrayList<>(calls.size());
        boolean[] platform = new boolean[calls.size()];
        for (int i = 0; i < calls.size(); i++) {
            requests.add(calls.get(i).request);
            platform[i] = calls.get(i).platform;
        }
        List<TransferOutcome> outcomes;
        try {
            outcomes = batch.each(requests, platform);
        } catch (RuntimeException e) {
            calls.forEach(call -> call.complete(null, e));
            return;
        } catch (Error e) {
            calls.forEach(call -> call.complete(null, new IllegalStateException("the batch failed", e)));
            throw e;
        }
        for (int i = 0; i < calls.size(); i++) {
            TransferOutcome outcome = outcomes.get(i);
            calls.get(i).complete(outcome.transfer(), outcome.error());
        }
    }

    /** How many batches ran so far (for tests and metrics). */
    public long batches() {
        synchronized (lock) {
            return batches;
        }
    }

    /** How many calls wait for the next batch (for tests and metrics). */
    public int waiting() {
        synchronized (lock) {
            return queue.size();
        }
    }
}
