package io.plinth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@code plinth bench graph}'s options, refused before anything is touched. The benchmark itself runs on
 * an embedded PostgreSQL and the in-process Neo4j harness in {@code GraphBenchRun}, only when asked.
 */
class BenchGraphCommandTest {
    private static final String JDBC = "jdbc:postgresql://127.0.0.1:1/none?user=postgres";

    @Test
    void bothDatabasesAreRequired() {
        CommandOutput result = CommandOutput.run("bench", "graph", "--jdbc-url", JDBC);
        assertEquals(2, result.exitCode(), result::toString);
        assertTrue(result.err().contains("--neo4j-url"), result.err());
    }

    @Test
    void optionsOutOfRangeAreUsageErrors() {
        CommandOutput tooFew = CommandOutput.run("bench", "graph", "--jdbc-url", JDBC, "--neo4j-url", "bolt://127.0.0.1:1",
                "--concepts", "5");
        assertEquals(2, tooFew.exitCode(), tooFew::toString);
        assertTrue(tooFew.err().contains("--concepts must be between 10 and 10000000, got 5"), tooFew.err());
        CommandOutput tooMany = CommandOutput.run("bench", "graph", "--jdbc-url", JDBC, "--neo4j-url", "bolt://127.0.0.1:1",
                "--concepts", "10", "--edges", "46");
        assertEquals(2, tooMany.exitCode(), tooMany::toString);
        assertTrue(tooMany.err().contains("--edges must be at most half of concepts x (concepts - 1), got 46"), tooMany.err());
    }

    @Test
    void credentialsInTheNeo4jUrlAreRefusedWithoutShowingThem() {
        CommandOutput result = CommandOutput.run("bench", "graph", "--jdbc-url", JDBC, "--neo4j-url", "bolt://neo4j:s3cret@127.0.0.1:1");
        assertEquals(2, result.exitCode(), result::toString);
        assertTrue(result.err().contains("must not hold credentials"), result.err());
        assertFalse(result.out().contains("s3cret") || result.err().contains("s3cret"), result::toString);
    }
}
