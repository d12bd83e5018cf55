package io.plinth.graph.neo4j;

import io.plinth.core.RetryPolicy;
import io.plinth.postgres.EmbeddedDatabase;
import io.plinth.postgres.PostgresStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

/**
 * One in-process Neo4j (neo4j-harness, Bolt on a free local port) and one migrated PostgreSQL per test
 * JVM, both started on first use: the PostgreSQL named by {@code PLINTH_TEST_JDBC_URL}, else an embedded
 * one. {@link #reset()} empties both and forgets the projector's checkpoint.
 */
final class TestGraph {
    private static Neo4j neo4j;
    private static PostgresStore postgres;
    private static Neo4jGraphStore graph;

    private TestGraph() {
    }

    /** The in-process Neo4j. */
    static synchronized Neo4j neo4j() {
        if (neo4j == null) {
            neo4j = Neo4jBuilders.newInProcessBuilder().withDisabledServer().build();
            Runtime.getRuntime().addShutdownHook(new Thread(neo4j::close));
        }
        return neo4j;
    }

    /** The shared PostgreSQL store (migrated, V13's outbox included). */
    static synchronized PostgresStore postgres() {
        if (postgres == null) {
            String url = System.getenv("PLINTH_TEST_JDBC_URL");
            if (url == null || url.isBlank()) {
                EmbeddedDatabase embedded = EmbeddedDatabase.start();
                Runtime.getRuntime().addShutdownHook(new Thread(embedded::close));
                url = embedded.jdbcUrl();
            }
            postgres = PostgresStore.builder().jdbcUrl(url).maximumPoolSize(12).retryPolicy(RetryPolicy.DEFAULT).build();
        }
        return postgres;
    }

    /** The shared graph store on the in-process Neo4j. */
    static synchronized Neo4jGraphStore graph() {
        if (graph == null) {
            graph = Neo4jGraphStore.open(neo4j().boltURI().toString());
        }
        return graph;
    }

    /** Empties PostgreSQL (the outbox and its checkpoints too) and Neo4j. */
    static void reset() {
        DataSource ds = postgres().dataSource();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("SET session_replication_role = replica");
            try {
                s.execute("TRUNCATE users, outbox, outbox_checkpoints CASCADE");
            } finally {
                s.execute("RESET session_replication_role");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        try (var session = graph().driver().session()) {
            session.run("MATCH (n) DETACH DELETE n").consume();
        }
    }
}
