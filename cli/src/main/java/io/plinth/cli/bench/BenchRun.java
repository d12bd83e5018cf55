package io.plinth.cli.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.plinth.migrations.Migrations;
import io.plinth.postgres.PostgresStore;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * What every bench shares: Plinth's store and the baseline's pool on the run's database, the
 * rounds that compare the two sides, and the lines printed. One per run.
 */
final class BenchRun {
    private final BenchSettings settings;
    private final PrintWriter out;

    BenchRun(BenchSettings settings, PrintWriter out) {
        this.settings = settings;
        this.out = out;
    }

    BenchSettings settings() {
        return settings;
    }

    /** Plinth's side against the baseline's: what both measured in all their rounds. */
    record Comparison(Phase.Result plinth, Phase.Result baseline) {
        /** Plinth's operations per second over the baseline's. */
        double ratio() {
            return baseline.perSecond() == 0 ? 0 : plinth.perSecond() / baseline.perSecond();
        }

        /** {@code <prefix><unit>/s=<plinth> baseline <unit>/s=<baseline> ratio=<plinth/baseline>}. */
        String summary(String prefix, String unit) {
            return String.format(Locale.ROOT, "%s%s/s=%d baseline %s/s=%d ratio=%.2f", prefix, unit,
                    Math.round(plinth.perSecond()), unit, Math.round(baseline.perSecond()), ratio());
        }
    }

    /**
     * Migrates the schema on a connection of its own (Flyway holds two connections while it
     * migrates, more than a pool of one has), then opens the store with a pool of one connection
     * per client.
     */
    PostgresStore openStore() {
        return openStore(true);
    }

    /** {@link #openStore()}, with group commit of concurrent transfers on or off. */
    PostgresStore openStore(boolean groupCommit) {
        PGSimpleDataSource plain = new PGSimpleDataSource();
        plain.setURL(settings.jdbcUrl());
        if (settings.user() != null) {
            plain.setUser(settings.user());
        }
        if (settings.password() != null) {
            plain.setPassword(settings.password());
        }
        Migrations.apply(plain, settings.schema());
        // A store's pool has at least two connections; with one client the second stays idle.
        PostgresStore.Builder builder = PostgresStore.builder().jdbcUrl(settings.jdbcUrl()).schema(settings.schema())
                .maximumPoolSize(Math.max(2, settings.clients())).migrate(false).groupCommit(groupCommit);
        if (settings.user() != null) {
            builder.username(settings.user());
        }
        if (settings.password() != null) {
            builder.password(settings.password());
        }
        return builder.build();
    }

    /** The baseline's own HikariCP pool: one connection per client. */
    HikariDataSource openBaselinePool(boolean autoCommit) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("plinth-bench-baseline");
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.clients());
        config.setAutoCommit(autoCommit);
        if (!settings.schema().equals(Migrations.DEFAULT_SCHEMA)) {
            config.setSchema(settings.schema());            // the baseline's SQL finds the same tables as Plinth's
        }
        return new HikariDataSource(config);
    }

    /**
     * How each side's measured time ({@code --seconds}) is split into rounds: two rounds, the first
     * taking the larger half (5 s: 3 + 2), so that the rounds add up to exactly that time; one round
     * when it is 1 s.
     */
    List<Duration> rounds() {
        long seconds = settings.duration().toSeconds();
        return seconds < 2 ? List.of(Duration.ofSeconds(seconds))
                : List.of(Duration.ofSeconds(seconds - seconds / 2), Duration.ofSeconds(seconds / 2));
    }

    /** How long {@code comparisons} comparisons take: both sides' rounds, each a warm-up and its measured time. */
    Duration expected(int comparisons) {
        Duration side = settings.warmup().multipliedBy(rounds().size()).plus(settings.duration());
        return side.multipliedBy(2L * comparisons);
    }

    /** The order of the rounds, as the bench's header says it. */
    String order() {
        return rounds().size() == 2 ? "in rounds of baseline, Plinth, Plinth, baseline" : "in one round each, baseline then Plinth";
    }

    /**
     * The line a bench starts with, before it touches the database: how long its rounds will take in
     * all, warm-ups included, and what of that is measured.
     */
    void announce(String bench, int comparisons, String what) {
        long warmups = 2L * comparisons * rounds().size();
        say("%s: the rounds take %d s (%d s measured per side%s, plus %d warm-ups of %d s), setup and checks not "
                        + "counted", bench, expected(comparisons).toSeconds(), settings.duration().toSeconds(),
                comparisons == 1 ? "" : " and " + what + ", " + comparisons + " " + what + "s", warmups,
                settings.warmup().toSeconds());
    }

    /**
     * Runs the {@link #rounds()} in the order baseline, Plinth, Plinth, baseline (ABBA), each after its
     * warm-up, so that whatever drifts during the run (autovacuum, table growth, a busy neighbour)
     * weighs on both sides alike; then prints each side's rate.
     *
     * @param prefix put before each phase's name ({@code "get "}, or nothing)
     * @param unit   what a client's call counts ({@code transfers}, {@code ops})
     */
    Comparison compare(String prefix, String unit, Phase.ClientFactory baseline, Phase.ClientFactory plinth)
            throws Exception {
        List<Duration> rounds = rounds();
        Phase.Result baselineResult = phase(prefix + "baseline", unit, rounds.get(0)).run(baseline);
        Phase.Result plinthResult = phase(prefix + "plinth", unit, rounds.get(0)).run(plinth);
        if (rounds.size() == 2) {
            plinthResult = plinthResult.plus(phase(prefix + "plinth", unit, rounds.get(1)).run(plinth));
            baselineResult = baselineResult.plus(phase(prefix + "baseline", unit, rounds.get(1)).run(baseline));
        }
        say("[%sbaseline] %s", prefix, rate(baselineResult, unit));
        say("[%splinth] %s", prefix, rate(plinthResult, unit));
        return new Comparison(plinthResult, baselineResult);
    }

    private Phase phase(String name, String unit, Duration measured) {
        return new Phase(name, unit, settings.clients(), settings.warmup(), measured, out);
    }

    /** The server's version, as its driver reports it. */
    static String serverVersion(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductVersion();
        }
    }

    private static String rate(Phase.Result result, String unit) {
        String rate = String.format(Locale.ROOT, "%,d %s in %.1f s: %,d %s/s", result.count(), unit,
                result.nanos() / 1e9, Math.round(result.perSecond()), unit);
        double cpu = result.clientCpuMicrosPerOperation();
        return cpu < 0 ? rate : rate + String.format(Locale.ROOT, ", client CPU %.0f us per %s", cpu,
                unit.endsWith("s") ? unit.substring(0, unit.length() - 1) : unit);
    }

    void say(String format, Object... args) {
        out.println(String.format(Locale.ROOT, format, args));
        out.flush();
    }
}
