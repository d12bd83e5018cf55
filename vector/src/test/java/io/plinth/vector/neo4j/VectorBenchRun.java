package io.plinth.vector.neo4j;

import io.plinth.vector.bench.VectorBench;
import java.io.PrintWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Runs the vector benchmark on the in-process Neo4j harness: never part of a normal build, a
 * benchmark rather than a timed test.
 * {@code ./mvnw -B -o -pl core,testkit,vector verify -Dtest=VectorBenchRun -Dsurefire.failIfNoSpecifiedTests=false -Dplinth.bench.vector=true}
 * ({@code -Dplinth.bench.items=100000}, {@code -Dplinth.bench.queries=200}).
 */
@EnabledIfSystemProperty(named = "plinth.bench.vector", matches = "true", disabledReason = "a benchmark: -Dplinth.bench.vector=true runs it")
class VectorBenchRun {
    @Test
    void run() {
        VectorBench.Settings settings = new VectorBench.Settings(Integer.getInteger("plinth.bench.items", 100_000),
                Integer.getInteger("plinth.bench.dimensions", 384), Integer.getInteger("plinth.bench.batch", 1000),
                Integer.getInteger("plinth.bench.queries", 200), 42);
        new VectorBench(SharedNeo4j.driver(), settings, new PrintWriter(System.out, true)).run();
    }
}
