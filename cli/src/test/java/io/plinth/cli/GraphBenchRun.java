package io.plinth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.plinth.postgres.EmbeddedDatabase;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;
import picocli.CommandLine;

/**
 * Runs {@code plinth bench graph} on an embedded PostgreSQL and the in-process Neo4j harness: never part
 * of a normal build, a benchmark rather than a timed test.
 * {@code ./mvnw -B -o verify -pl cli -am -Dtest=GraphBenchRun -Dsurefire.failIfNoSpecifiedTests=false -Dplinth.bench.graph=true}
 * ({@code -Dplinth.bench.concepts=20000}, {@code -Dplinth.bench.edges=200000}, {@code -Dplinth.bench.batch=500},
 * {@code -Dplinth.bench.clients=2}, {@code -Dplinth.bench.seconds=10}, {@code -Dplinth.bench.warmup=5}).
 */
@EnabledIfSystemProperty(named = "plinth.bench.graph", matches = "true", disabledReason = "a benchmark: -Dplinth.bench.graph=true runs it")
class GraphBenchRun {
    @Test
    void run() {
        try (EmbeddedDatabase db = EmbeddedDatabase.start();
             Neo4j neo4j = Neo4jBuilders.newInProcessBuilder().withDisabledServer().build()) {
            List<String> args = new ArrayList<>(List.of("bench", "graph", "--jdbc-url", db.jdbcUrl(),
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
