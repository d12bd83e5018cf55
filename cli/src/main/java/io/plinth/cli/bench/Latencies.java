package io.plinth.cli.bench;

import java.util.Arrays;

/**
 * The latencies of a phase's measured calls, sorted, for percentiles. A call's latency is also
 * the latency of each operation it completed (every transfer of a batch waits for the batch).
 * Immutable.
 */
public final class Latencies {
    /** No calls. */
    public static final Latencies NONE = new Latencies(new long[0]);

    private final long[] sortedNanos;

    private Latencies(long[] sortedNanos) {
        this.sortedNanos = sortedNanos;
    }

    /** These latencies and {@code other}'s. */
    public Latencies plus(Latencies other) {
        if (other.sortedNanos.length == 0) {
            return this;
        }
        if (sortedNanos.length == 0) {
            return other;
        }
        long[] all = Arrays.copyOf(sortedNanos, sortedNanos.length + other.sortedNanos.length);
        System.arraycopy(other.sortedNanos, 0, all, sortedNanos.length, other.sortedNanos.length);
        Arrays.sort(all);
        return new Latencies(all);
    }

    /** How many calls were measured. */
    public int calls() {
        return sortedNanos.length;
    }

    /** The {@code p}-th percentile (0 &lt; p ≤ 100) in microseconds, nearest-rank; 0 without calls. */
    public double percentileMicros(double p) {
        if (sortedNanos.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100 * sortedNanos.length);
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length, rank) - 1)] / 1e3;
    }

    /** Collects one thread's latencies; not thread-safe. */
    static final class Recorder {
        private long[] nanos = new long[1 << 14];
        private int size;

        void add(long latency) {
            if (size == nanos.length) {
                nanos = Arrays.copyOf(nanos, size * 2);
            }
            nanos[size++] = latency;
        }

        Latencies done() {
            long[] sorted = Arrays.copyOf(nanos, size);
            Arrays.sort(sorted);
            return new Latencies(sorted);
        }
    }
}
