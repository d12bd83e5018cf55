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
 * <p>One batch is in flight at a time. A call that arrives when none is runs at once, alone, as a
 * plain transfer: no timer, no added latency at low load. Calls that arrive while a batch is in
 * flight queue; when the batch ends, the oldest of them leads the next batch, which takes every
 * queued call (up to {@link Ledger#MAX_BATCH}) in arrival order. The leader runs the batch on its
 * own thread; the others wait for their outcome.
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
        private boolean lead;
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

        synchronized void promote() {
            lead = true;
            notifyAll();
        }

        /** Waits until the call is done or leads the next batch; returns whether it leads. */
        synchronized boolean awaitTurn() {
            boolean interrupted = false;
            while (!done && !lead) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true; // the call is in a batch already: its outcome is coming
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            return !done;
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
    private final Object lock = new Object();
    private final ArrayDeque<Call> queue = new ArrayDeque<>();
    private boolean inFlight;
    private long batches;

    public GroupCommit(Batch batch) {
        this.batch = batch;
    }

    /** Executes one transfer, together with whatever else arrives meanwhile. */
    public Transfer transfer(TransferRequest request, boolean platform) {
        Call call = new Call(request, platform);
        boolean leads;
        synchronized (lock) {
            queue.add(call);
            leads = !inFlight;
            inFlight = true;
        }
        if (leads || call.awaitTurn()) {
            run();
        }
        return call.result();
    }

    /** Runs the queued calls (the leader's first) as one batch, then hands the lead on. */
    private void run() {
        List<Call> calls;
        synchronized (lock) {
            calls = new ArrayList<>(Math.min(queue.size(), Ledger.MAX_BATCH));
            while (!queue.isEmpty() && calls.size() < Ledger.MAX_BATCH) {
                calls.add(queue.poll());
            }
        }
        try {
            execute(calls);
        } finally {
            synchronized (lock) {
                Call next = queue.peek();
                if (next == null) {
                    inFlight = false;
                } else {
                    next.promote();
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
