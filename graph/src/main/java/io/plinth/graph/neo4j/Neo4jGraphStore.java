package io.plinth.graph.neo4j;

import io.plinth.core.Check;
import io.plinth.graph.KnowledgeGraph;
import io.plinth.graph.Outbox;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plinth's knowledge graph on a Neo4j database: give it a URL and credentials, nothing else. Opening it
 * applies the {@link Neo4jSchema} (idempotently). It hands out the {@link KnowledgeGraph} answered in
 * Cypher, the {@link Projector} that feeds the graph from PostgreSQL's {@link Outbox}, and the
 * {@link GraphVerifier} that compares the two.
 *
 * <p>Thread-safe. The password is kept only by the driver and never printed.
 */
public final class Neo4jGraphStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Neo4jGraphStore.class);

    private final String url;
    private final AuthToken auth;
    private volatile Driver driver;
    private volatile boolean closed;

    private Neo4jGraphStore(String url, AuthToken auth) {
        this.url = url;
        this.auth = auth;
        this.driver = open();
        Neo4jSchema.apply(driver);
        LOG.info("Neo4j graph store open on {}", safe(url));
    }

    /** Opens the store on a Neo4j reached without authentication (for example {@code bolt://localhost:7687}). */
    public static Neo4jGraphStore open(String url) {
        return new Neo4jGraphStore(Check.text("url", url, 2000), AuthTokens.none());
    }

    /** Opens the store on a Neo4j with basic authentication. */
    public static Neo4jGraphStore open(String url, String user, String password) {
        Check.text("url", url, 2000);
        Check.text("user", user, 1000);
        Check.required("password", password);
        return new Neo4jGraphStore(url, AuthTokens.basic(user, password));
    }

    /** The knowledge graph's questions, answered from this Neo4j. */
    public KnowledgeGraph knowledgeGraph() {
        return new Neo4jKnowledgeGraph(this);
    }

    /** A projector from the outbox into this Neo4j, under the consumer name {@link Projector#CONSUMER}. */
    public Projector projector(Outbox outbox) {
        return new Projector(this, outbox, Projector.CONSUMER);
    }

    /**
     * A projector from the outbox into this Neo4j under a consumer name of its own (1 to 100 characters),
     * which keeps its own checkpoint: a second graph fed from the same outbox, or a benchmark's run.
     */
    public Projector projector(Outbox outbox, String consumer) {
        return new Projector(this, outbox, consumer);
    }

    /** A verifier comparing this Neo4j with what the outbox's database holds. */
    public GraphVerifier verifier(Outbox outbox) {
        return new GraphVerifier(this, outbox);
    }

    /**
     * Closes the driver and opens a new one, as after a cut connection: every query in flight fails.
     * Whatever the projector had not acknowledged is applied again from its checkpoint.
     */
    public void reconnect() {
        requireOpen();
        Driver old = driver;
        driver = open();
        old.close();
        LOG.info("Neo4j graph store reconnected to {}", safe(url));
    }

    /** The driver in use now. */
    Driver driver() {
        requireOpen();
        return driver;
    }

    @Override
    public void close() {
        closed = true;
        driver.close();
    }

    @Override
    public String toString() {
        return "Neo4jGraphStore[" + safe(url) + "]";
    }

    /** The URL without any user information it carries ({@code bolt://user:secret@host} → {@code bolt://host}). */
    static String safe(String url) {
        return url.replaceFirst("://[^/@]*@", "://");
    }

    private Driver open() {
        Driver d = GraphDatabase.driver(url, auth);
        d.verifyConnectivity();
        return d;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the Neo4j graph store is closed");
        }
    }
}
