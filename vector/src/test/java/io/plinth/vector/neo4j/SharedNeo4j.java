package io.plinth.vector.neo4j;

import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

/**
 * One in-process Neo4j (the test harness) and driver per test JVM, started on first use and stopped
 * when the JVM exits: starting Neo4j takes seconds, so test classes (of every package) share it and empty it instead.
 */
public final class SharedNeo4j {
    private static Driver driver;

    private SharedNeo4j() {
    }

    public static synchronized Driver driver() {
        if (driver == null) {
            Neo4j neo4j = Neo4jBuilders.newInProcessBuilder().withDisabledServer().build();
            Driver started = GraphDatabase.driver(neo4j.boltURI(), AuthTokens.none());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.close();
                neo4j.close();
            }));
            driver = started;
        }
        return driver;
    }

    /** Removes every knowledge item (indexes and constraints stay). */
    public static void clear() {
        try (var session = driver().session()) {
            session.run("MATCH (n:" + Neo4jSemanticIndex.LABEL + ") DETACH DELETE n").consume();
        }
    }
}
