package io.plinth.cli.bench;

import io.plinth.ledger.LedgerReport;
import io.plinth.migrations.Migrations;
import io.plinth.postgres.PostgresStore;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * {@code plinth bench ledger}: random transfers between {@code N} accounts by {@code C} clients,
 * first through the {@linkplain BaselineTransfers hand-written JDBC baseline}, then through
 * {@linkplain PlinthTransfers Plinth's ledger}, on the same database, each phase timed by the same
 * {@link Phase} runner. Afterwards both sides are checked (the baseline's balances still sum to
 * what they started with; Plinth's ledger verifies), and the last line printed is
 *
 * <pre>transfers/s=&lt;plinth&gt; baseline transfers/s=&lt;baseline&gt; ratio=&lt;plinth/baseline&gt;</pre>
 */
public final class LedgerBench {
    /** What every account starts with: enough that no random transfer ever runs out. */
    static final long STARTING_BALANCE = 1_000_000_000_000L;

    private final BenchSettings settings;
    private final PrintWriter out;

    public LedgerBench(BenchSettings settings, PrintWriter out) {
        this.settings = settings;
        this.out = out;
    }

    /** What a run measured, and whether both sides passed their checks. */
    public record Outcome(Phase.Result plinth, Phase.Result baseline, boolean checked) {
        /** Plinth's transfers per second over the baseline's. */
        public double ratio() {
            return baseline.perSecond() == 0 ? 0 : plinth.perSecond() / baseline.perSecond();
        }

        /** The line {@code plinth bench ledger} ends with. */
        public String summary() {
            return String.format(Locale.ROOT, "transfers/s=%d baseline transfers/s=%d ratio=%.2f",
                    Math.round(plinth.perSecond()), Math.round(baseline.perSecond()), ratio());
        }
    }

    /** Sets both sides up, runs the baseline phase and then the Plinth phase, checks both, and prints the summary last. */
    public Outcome run() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        try (PostgresStore store = store();
             BaselineTransfers baseline = BaselineTransfers.setUp(settings, STARTING_BALANCE)) {
            say("Ledger bench %s on PostgreSQL %s: %d clients, %d accounts, %s; %d s measured per side, in rounds of baseline, Plinth, Plinth, baseline, each after %d s warm-up",
                    run, serverVersion(store), settings.clients(), settings.accounts(),
                    settings.batch() == 1 ? "single transfers" : "atomic batches of " + settings.batch(),
                    settings.duration().toSeconds(), settings.warmup().toSeconds());
            long started = System.nanoTime();
            PlinthTransfers plinth = PlinthTransfers.setUp(store, settings, run, STARTING_BALANCE);
            say("opened and funded %d Plinth accounts (mint bench-mint-%s) in %d ms", settings.accounts(), run,
                    (System.nanoTime() - started) / 1_000_000);

            // Rounds in the order baseline, Plinth, Plinth, baseline (ABBA), each half the measured
            // time: whatever drifts during the run (autovacuum, table growth, a busy neighbour)
            // weighs on both sides alike.
            Phase.Result baselineResult = phase("baseline").run(baseline::client);
            Phase.Result plinthResult = phase("plinth").run(plinth::client);
            plinthResult = plinthResult.plus(phase("plinth").run(plinth::client));
            baselineResult = baselineResult.plus(phase("baseline").run(baseline::client));
            say("[baseline] %s", rate(baselineResult));
            say("[plinth] %s", rate(plinthResult));

            boolean checked = check(baseline, plinth);
            Outcome outcome = new Outcome(plinthResult, baselineResult, checked);
            say("%s", outcome.summary());
            return outcome;
        }
    }

    private boolean check(BaselineTransfers baseline, PlinthTransfers plinth) throws SQLException {
        long expected = Math.multiplyExact(STARTING_BALANCE, (long) settings.accounts());
        boolean ok = true;
        long baselineTotal = baseline.totalBalance();
        if (baselineTotal != expected) {
            say("WARNING: the baseline's balances sum to %d, not %d", baselineTotal, expected);
            ok = false;
        }
        long plinthTotal = plinth.totalBalance();
        if (plinthTotal != expected) {
            say("WARNING: Plinth's bench accounts sum to %d, not %d", plinthTotal, expected);
            ok = false;
        }
        LedgerReport report = plinth.verify();
        if (!report.ok()) {
            say("WARNING: Plinth's ledger does not verify (%d problems), first: %s", report.problems().size(),
                    report.problems().get(0));
            ok = false;
        }
        if (ok) {
            say("checked: baseline balances sum unchanged; Plinth ledger verified (%,d transfers, %,d entries)",
                    report.transfers(), report.entries());
        }
        return ok;
    }

    /**
     * Migrates the schema on a connection of its own (Flyway holds two connections while it
     * migrates, more than a pool of one has), then opens the store with a pool of one connection
     * per client.
     */
    private PostgresStore store() {
        PGSimpleDataSource plain = new PGSimpleDataSource();
        plain.setURL(settings.jdbcUrl());
        if (settings.user() != null) {
            plain.setUser(settings.user());
        }
        if (settings.password() != null) {
            plain.setPassword(settings.password());
        }
        Migrations.apply(plain);
        // A store's pool has at least two connections; with one client the second stays idle.
        PostgresStore.Builder builder = PostgresStore.builder().jdbcUrl(settings.jdbcUrl())
                .maximumPoolSize(Math.max(2, settings.clients())).migrate(false);
        if (settings.user() != null) {
            builder.username(settings.user());
        }
        if (settings.password() != null) {
            builder.password(settings.password());
        }
        return builder.build();
    }

    private Phase phase(String name) {
        Duration half = Duration.ofSeconds(Math.max(1, settings.duration().toSeconds() / 2));
        return new Phase(name, settings.clients(), settings.warmup(), half, out);
    }

    private static String serverVersion(PostgresStore store) throws SQLException {
        try (Connection c = store.dataSource().getConnection()) {
            return c.getMetaData().getDatabaseProductVersion();
        }
    }

    private static String rate(Phase.Result result) {
        String rate = String.format(Locale.ROOT, "%,d transfers in %.1f s: %,d transfers/s", result.transfers(),
                result.nanos() / 1e9, Math.round(result.perSecond()));
        double cpu = result.clientCpuMicrosPerTransfer();
        return cpu < 0 ? rate : rate + String.format(Locale.ROOT, ", client CPU %.0f us per transfer", cpu);
    }

    private void say(String format, Object... args) {
        out.println(String.format(Locale.ROOT, format, args));
        out.flush();
    }
}
