package io.plinth.cli.bench;

import java.time.Duration;

/**
 * What every {@code plinth bench} run is asked to do, whatever it measures.
 *
 * @param jdbcUrl  the database, a {@code jdbc:postgresql:} URL
 * @param user     the database user, or null when the URL names it
 * @param password the database password, or null; never printed
 * @param clients  concurrent client threads, and connections of each side's pool
 * @param warmup   how long each round runs before it is measured
 * @param duration how long each side is measured in all (split over two rounds), whole seconds
 * @param schema   the schema Plinth's tables are in ({@code public} unless named)
 */
public record BenchSettings(String jdbcUrl, String user, String password, int clients, Duration warmup,
                            Duration duration, String schema) {
    public BenchSettings {
        if (!io.plinth.migrations.Migrations.isSchemaName(schema)) {
            throw new IllegalArgumentException("schema " + io.plinth.migrations.Migrations.SCHEMA_RULE);
        }
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("jdbcUrl must be a jdbc:postgresql: URL");
        }
        if (clients < 1 || warmup.isNegative() || duration.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("need clients >= 1, warmup >= 0 and duration >= 1 s");
        }
    }

    @Override
    public String toString() {
        return "BenchSettings[clients=" + clients + ", warmup=" + warmup + ", duration=" + duration + ", schema="
                + schema + "]";
    }
}
