package io.plinth.cli.bench;

import java.time.Duration;

/**
 * What {@code plinth bench ledger} was asked to do.
 *
 * @param jdbcUrl  the database, a {@code jdbc:postgresql:} URL
 * @param user     the database user, or null when the URL names it
 * @param password the database password, or null; never printed
 * @param clients  concurrent client threads, and connections of each side's pool
 * @param warmup   how long each phase runs before it is measured
 * @param duration how long each phase is measured
 * @param accounts how many accounts the transfers pick from (two distinct ones at random)
 * @param batch    transfers per Plinth call: 1 for {@code transfer}, more for one atomic {@code transferAll}
 */
public record BenchSettings(String jdbcUrl, String user, String password, int clients, Duration warmup,
                            Duration duration, int accounts, int batch) {
    public BenchSettings {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("jdbcUrl must be a jdbc:postgresql: URL");
        }
        if (clients < 1 || accounts < 2 || batch < 1 || warmup.isNegative() || duration.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("need clients >= 1, accounts >= 2, batch >= 1, warmup >= 0 and duration >= 1 s");
        }
    }

    @Override
    public String toString() {
        return "BenchSettings[clients=" + clients + ", warmup=" + warmup + ", duration=" + duration + ", accounts="
                + accounts + ", batch=" + batch + "]";
    }
}
