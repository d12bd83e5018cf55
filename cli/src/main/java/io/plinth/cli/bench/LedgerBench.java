package io.plinth.cli.bench;

import io.plinth.ledger.LedgerReport;
import io.plinth.postgres.PostgresStore;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.UUID;

/**
 * {@code plinth bench ledger}: random transfers between {@code N} accounts by {@code C} clients,
 * through the {@linkplain BaselineTransfers hand-written JDBC baseline} and through
 * {@linkplain PlinthTransfers Plinth's ledger} in alternating rounds, on the same database, each
 * round timed by the same {@link Phase} runner. Afterwards both sides are checked (the baseline's balances still sum to
 * what they started with; Plinth's ledger verifies), and the last line printed is
 *
 * <pre>transfers/s=&lt;plinth&gt; baseline transfers/s=&lt;baseline&gt; ratio=&lt;plinth/baseline&gt;</pre>
 */
public final class LedgerBench {
    /** What every account starts with: enough that no random transfer ever runs out. */
    static final long STARTING_BALANCE = 1_000_000_000_000L;

    private final BenchRun bench;
    private final int accounts;
    private final PlinthTransfers.LedgerMode mode;
    private final int batch;
    private final boolean groupCommit;

    /**
     * @param accounts    how many accounts the transfers pick from (two distinct ones at random), at least 2
     * @param mode        how Plinth's side transfers: concurrent single calls, or batches of {@code batch}
     *                    (independent or linked)
     * @param batch       transfers per Plinth call in a batch mode; 1 in {@link PlinthTransfers.LedgerMode#SINGLE}
     * @param groupCommit whether Plinth's store carries concurrent single transfers together
     */
    public LedgerBench(BenchSettings settings, int accounts, PlinthTransfers.LedgerMode mode, int batch,
                       boolean groupCommit, PrintWriter out) {
        if (accounts < 2 || batch < 1 || (mode == PlinthTransfers.LedgerMode.SINGLE && batch != 1)) {
            throw new IllegalArgumentException("need accounts >= 2, batch >= 1, and batch 1 for single transfers");
        }
        this.bench = new BenchRun(settings, out);
        this.accounts = accounts;
        this.mode = mode;
        this.batch = batch;
        this.groupCommit = groupCommit;
    }

    /** What a run measured, and whether both sides passed their checks. */
    public record Outcome(Phase.Result plinth, Phase.Result baseline, boolean checked) {
        /** Plinth's transfers per second over the baseline's. */
        public double ratio() {
            return new BenchRun.Comparison(plinth, baseline).ratio();
        }

        /** Each side's p50 and p99 latency per transfer (a transfer of a batch waits for its call). */
        public String latencies() {
            return String.format(java.util.Locale.ROOT,
                    "latency per transfer: p50=%.0fus p99=%.0fus baseline p50=%.0fus p99=%.0fus",
                    plinth.latencies().percentileMicros(50), plinth.latencies().percentileMicros(99),
                    baseline.latencies().percentileMicros(50), baseline.latencies().percentileMicros(99));
        }

        /** The line {@code plinth bench ledger} ends with. */
        public String summary() {
            return new BenchRun.Comparison(plinth, baseline).summary("", "transfers");
        }
    }

    /** Sets both sides up, runs the rounds, checks both sides, and prints the summary last. */
    public Outcome run() throws Exception {
        BenchSettings settings = bench.settings();
        String run = UUID.randomUUID().toString().substring(0, 8);
        bench.announce("Ledger bench " + run, 1, "");
        try (PostgresStore store = bench.openStore(groupCommit);
             BaselineTransfers baseline = BaselineTransfers.setUp(bench.openBaselinePool(false), accounts,
                     STARTING_BALANCE)) {
            bench.say("Ledger bench %s on PostgreSQL %s: %d clients, %d accounts, %s; %d s measured per side, %s, each after %d s warm-up",
                    run, BenchRun.serverVersion(store.dataSource()), settings.clients(), accounts,
                    switch (mode) {
                        case SINGLE -> "concurrent single transfers, group commit " + (groupCommit ? "on" : "off");
                        case EACH -> "independent batches (transferEach) of " + batch;
                        case LINKED -> "linked batches (transferAll) of " + batch;
                    },
                    settings.duration().toSeconds(), bench.order(), settings.warmup().toSeconds());
            long started = System.nanoTime();
            PlinthTransfers plinth = PlinthTransfers.setUp(store, run, accounts, mode, batch, STARTING_BALANCE);
            bench.say("opened and funded %d Plinth accounts (mint bench-mint-%s) in %d ms", accounts, run,
                    (System.nanoTime() - started) / 1_000_000);

            BenchRun.Comparison compared = bench.compare("", "transfers", baseline::client, plinth::client);

            boolean checked = check(baseline, plinth);
            Outcome outcome = new Outcome(compared.plinth(), compared.baseline(), checked);
            bench.say("%s", outcome.latencies());
            bench.say("%s", outcome.summary());
            return outcome;
        }
    }

    private boolean check(BaselineTransfers baseline, PlinthTransfers plinth) throws SQLException {
        long expected = Math.multiplyExact(STARTING_BALANCE, (long) accounts);
        boolean ok = true;
        long baselineTotal = baseline.totalBalance();
        if (baselineTotal != expected) {
            bench.say("WARNING: the baseline's balances sum to %d, not %d", baselineTotal, expected);
            ok = false;
        }
        long plinthTotal = plinth.totalBalance();
        if (plinthTotal != expected) {
            bench.say("WARNING: Plinth's bench accounts sum to %d, not %d", plinthTotal, expected);
            ok = false;
        }
        LedgerReport report = plinth.verify();
        if (!report.ok()) {
            bench.say("WARNING: Plinth's ledger does not verify (%d problems), first: %s", report.problems().size(),
                    report.problems().get(0));
            ok = false;
        }
        if (ok) {
            bench.say("checked: baseline balances sum unchanged; Plinth ledger verified (%,d transfers, %,d entries)",
                    report.transfers(), report.entries());
        }
        return ok;
    }
}
