package io.plinth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@code plinth bench vector}'s options. The benchmark itself runs on the in-process Neo4j harness in
 * plinth-vector ({@code VectorBenchRun}); no Neo4j server is needed here.
 */
class BenchVectorCommandTest {
    @Test
    void theNeo4jUrlIsRequired() {
        CommandOutput result = CommandOutput.run("bench", "vector");
        assertEquals(2, result.exitCode(), result::toString);
        assertTrue(result.err().contains("--neo4j-url"), result.err());
    }

    @Test
    void optionsOutOfRangeAreUsageErrors() {
        CommandOutput result = CommandOutput.run("bench", "vector", "--neo4j-url", "bolt://127.0.0.1:1", "--items", "1");
        assertEquals(2, result.exitCode(), result::toString);
        assertTrue(result.err().contains("--items must be between 10 and 10000000, got 1"), result.err());
    }

    @Test
    void credentialsInTheUrlAreRefusedWithoutShowingThem() {
        CommandOutput result = CommandOutput.run("bench", "vector", "--neo4j-url", "bolt://neo4j:s3cret@127.0.0.1:1");
        assertEquals(2, result.exitCode(), result::toString);
        assertTrue(result.err().contains("must not hold credentials"), result.err());
        assertFalse(result.out().contains("s3cret") || result.err().contains("s3cret"), result::toString);
    }
}
