package io.plinth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.plinth.postgres.EmbeddedDatabase;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;
import picocli.CommandLine;

/**
 * Runs {@code plinth bench graph} on an embedded PostgreSQL and the in-process Neo4j harness: never part
 * of a normal build, a benchmark rather than a timed test.
 * {@code ./mvnw -B -o verify -pl cli -am -Dtest=GraphBenchRun -Dsurefire.failIfNoSpecifiedTests=false -Dplinth.bench.graph=true}
 * ({@code -Dplinth.bench.concepts=20000}, {@code -Dplinth.bench.edges=200000}, {@code -Dplinth.bench.batch=500},
 * {@code -Dplinth.bench.clients=2}, {@code -Dplinth.bench.seconds=10}, {@code -Dplinth.bench.warmup=5};
 * {@code -Dplinth.bench.jdbc-url=URL} for a PostgreSQL server instead of the embedded one).
 *
 * <p>The harness's Neo4j gets a page cache of {@value #PAGE_CACHE_MIB} MiB
 * ({@code -Dplinth.bench.neo4j.pagecache-mib}), as a server holding the graph in memory would have:
 * the harness's own default, 8 MiB, is sized for tests of a few nodes, and with it every property read of the
 * bench's 200,000 relations went to the file system, which made the Neo4j answers measure the cache
 * rather than the query (on one thread, a depth-2 neighbourhood took about 6.9 ms instead of about 2.6 ms).
 */
@EnabledIfSystemProperty(named = "plinth.bench.graph", matches = "true", disabledReason = "a benchmark: -Dplinth.bench.graph=true runs it")
class GraphBenchRun {
    /** The harness's page cache, unless {@code -Dplinth.bench.neo4j.pagecache-mib} says otherwise. */
    static final long PAGE_CACHE_MIB = 512;

    @Test
    void run() {
        String jdbcUrl = System.getProperty("plinth.bench.jdbc-url");
        long pageCache = Long.getLong("plinth.bench.neo4j.pagecache-mib", PAGE_CACHE_MIB) * 1024 * 1024;
        try (EmbeddedDatabase db = jdbcUrl == null ? EmbeddedDatabase.start() : null;
             Neo4j neo4j = Neo4jBuilders.newInProcessBuilder().withDisabledServer()
                     .withConfig(GraphDatabaseSettings.pagecache_memory, pageCache).build()) {
            List<String> args = new ArrayList<>(List.of("bench", "graph", "--jdbc-url", jdbcUrl == null ? db.jdbcUrl() : jdbcUrl,
                    "--neo4j-url", neo4j.boltURI().toString()));
            for (String option : List.of("concepts", "edges", "batch", "clients", "seconds", "warmup")) {
                String value = System.getProperty("plinth.bench." + option);
                if (value != null) {
                    args.add("--" + option);
                    args.add(value);
                }
            }
            CommandLine cli = Main.commandLine();
            cli.setOut(new PrintWriter(System.out, true));
            cli.setErr(new PrintWriter(System.err, true));
            assertEquals(0, cli.execute(args.toArray(String[]::new)));
        }
    }
}
