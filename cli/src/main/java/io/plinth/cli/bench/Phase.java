package io.plinth.cli.bench;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * One timed phase of a benchmark: {@code clients} threads, each with its own {@link Client}, call
 * it in a loop for a warm-up that is not counted and then for the measured duration, while the
 * phase prints one progress line per second. The first failure of any client stops the phase and
 * is rethrown by {@link #run}.
 */
public final class Phase {
    /** What one client thread does over and over. Opened in, used by and closed by that thread only. */
    @FunctionalInterface
    public interface Client extends AutoCloseable {
        /** Makes one call and returns the number of operations it completed (transfers, say). */
        int call() throws Exception;

        /** Releases what the client holds (its connection, say); by default nothing. */
        @Override
        default void close() throws Exception {
        }
    }

    /** Opens the client of thread {@code index} (0 to clients - 1). */
    @FunctionalInterface
    public interface ClientFactory {
        Client open(int index) throws Exception;
    }

    /**
     * What a phase measured: {@code count} operations completed in {@code nanos} of measured time,
     * during which this JVM (all its threads, the JIT and GC included) used {@code cpuNanos} of CPU
     * time, or -1 where the JVM does not tell.
     */
    public record Result(String name, long count, long nanos, long cpuNanos, Latencies latencies) {
        /** This result and {@code other} (another round of the same side) taken together. */
        public Result plus(Result other) {
            return new Result(name, count + other.count, nanos + other.nanos,
                    cpuNanos < 0 || other.cpuNanos < 0 ? -1 : cpuNanos + other.cpuNanos,
                    latencies.plus(other.latencies));
        }

        /** Operations per second over the measured time. */
        public double perSecond() {
            return nanos == 0 ? 0 : count * 1e9 / nanos;
        }

        /** The client's CPU time per operation in microseconds, or -1 when unknown. */
        public double clientCpuMicrosPerOperation() {
            return cpuNanos < 0 || count == 0 ? -1 : cpuNanos / 1e3 / count;
        }
    }

    private final String name;
    private final String unit;
    private final int clients;
    private final Duration warmup;
    private final Duration duration;
    private final PrintWriter out;

    private final LongAdder counted = new LongAdder();
    /** Each client thread's measured call latencies, added when the thread ends. */
    private final List<Latencies> recorded = new ArrayList<>();
    private final CountDownLatch failed = new CountDownLatch(1);
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private volatile boolean counting;
    private volatile boolean stopping;

    /**
     * @param name     shown in brackets on each progress line, e.g. {@code plinth}
     * @param unit     what the progress lines count, e.g. {@code transfers}
     * @param warmup   run but not counted; may be zero
     * @param duration measured, whole seconds
     */
    public Phase(String name, String unit, int clients, Duration warmup, Duration duration, PrintWriter out) {
        this.name = name;
        this.unit = unit;
        this.clients = clients;
        this.warmup = warmup;
        this.duration = duration;
        this.out = out;
    }

    /**
     * Runs the phase: opens a client per thread, warms up, measures, stops every thread and closes
     * its client.
     *
     * @throws Exception the first failure of a client (opening, calling or closing it)
     */
    public Result run(ClientFactory factory) throws Exception {
        CountDownLatch opened = new CountDownLatch(clients);
        List<Thread> threads = new ArrayList<>(clients);
        for (int i = 0; i < clients; i++) {
            int index = i;
            Thread thread = new Thread(() -> loop(factory, index, opened), "bench-" + name + "-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        Result result = null;
        try {
            opened.await();
            if (failure.get() == null) {
                pause(warmup.toNanos());
                result = measure();
            }
        } finally {
            stopping = true;
            for (Thread thread : threads) {
                thread.join();
            }
        }
        Exception cause = failure.get();
        if (cause != null) {
            throw cause;
        }
        Latencies all = Latencies.NONE;
        synchronized (recorded) {
            for (Latencies each : recorded) {
                all = all.plus(each);
            }
        }
        return new Result(result.name(), result.count(), result.nanos(), result.cpuNanos(), all);
    }

    private Result measure() throws InterruptedException {
        long seconds = Math.max(1, duration.toSeconds());
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        counting = true;
        long previous = 0;
        for (long s = 1; s <= seconds && failure.get() == null; s++) {
            pause(start + s * 1_000_000_000L - System.nanoTime());
            long sum = counted.sum();
            out.printf(Locale.ROOT, "[%s] %ds %,d %s (%,d/s)%n", name, s, sum, unit, sum - previous);
            out.flush();
            previous = sum;
        }
        counting = false;
        long nanos = System.nanoTime() - start;
        long cpuEnd = processCpuNanos();
        return new Result(name, counted.sum(), nanos, cpuStart < 0 || cpuEnd < 0 ? -1 : cpuEnd - cpuStart,
                Latencies.NONE);
    }

    private void loop(ClientFactory factory, int index, CountDownLatch opened) {
        boolean ready = false;
        Latencies.Recorder latencies = new Latencies.Recorder();
        try (Client client = factory.open(index)) {
            ready = true;
            opened.countDown();
            while (!stopping) {
                long start = System.nanoTime();
                int done = client.call();
                if (counting) {
                    latencies.add(System.nanoTime() - start);
                    counted.add(done);
                }
            }
            synchronized (recorded) {
                recorded.add(latencies.done());
            }
        } catch (Exception e) {
            if (failure.compareAndSet(null, e)) {
                failed.countDown();
            }
        } finally {
            if (!ready) {
                opened.countDown();
            }
        }
    }

    /** The CPU time this JVM has used so far, or -1 where the platform does not say. */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    /** Sleeps for {@code nanos}, or less if a client fails. */
    private void pause(long nanos) throws InterruptedException {
        if (nanos > 0) {
            failed.await(nanos, TimeUnit.NANOSECONDS);
        }
    }
}
