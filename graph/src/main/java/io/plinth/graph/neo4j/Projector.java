package io.plinth.graph.neo4j;

import io.plinth.core.Check;
import io.plinth.graph.EdgeType;
import io.plinth.graph.MirroredRow;
import io.plinth.graph.NodeType;
import io.plinth.graph.Outbox;
import io.plinth.graph.OutboxChange;
import io.plinth.graph.OutboxPosition;
import io.plinth.tenancy.UserId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies PostgreSQL's {@link Outbox} to Neo4j. Guarantees (docs/graph-neo4j.md names the test of each):
 * <ul>
 *   <li>every change is applied, in outbox order, from the consumer's durable checkpoint;</li>
 *   <li>a batch is acknowledged only after Neo4j committed it, so a crash or a cut connection at any
 *       point applies the batch again, and applying again changes nothing (state-based: a node is
 *       MERGEd by its key and SET to its row's properties, or DETACH DELETEd when its row is gone; an
 *       edge row's edge is replaced; a node row's MEMBER_OF, MERGED_INTO and DERIVED_FROM edges are
 *       derived again from the row);</li>
 *   <li>every node and edge carries {@code userId}; an edge between two users' nodes is never written.</li>
 * </ul>
 * Drive it step by step ({@link #runOnce}, {@link #runUntilCaughtUp}) or in a background thread
 * ({@link #start}, {@link #stop}); one batch runs at a time. The background thread, each time it has
 * caught up after applying something, prunes the records every consumer has passed ({@link Outbox#prune}).
 * {@link #rebuild(UserId)} and {@link #rebuildAll()} re-project from PostgreSQL. Run one projector per consumer name, and stop it
 * before closing its {@link Neo4jGraphStore}.
 */
public final class Projector implements AutoCloseable {
    /** The consumer name the graph's checkpoint is kept under. */
    public static final String CONSUMER = "neo4j-graph";
    /** Records per batch unless told otherwise. */
    public static final int DEFAULT_BATCH = 500;

    private static final Logger LOG = LoggerFactory.getLogger(Projector.class);
    private static final Duration IDLE = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final Neo4jGraphStore store;
    private final Outbox outbox;
    private final String consumer;
    private final Object lock = new Object();
    private volatile int batchSize = DEFAULT_BATCH;
    private Thread thread;
    private volatile boolean running;
    private final java.util.concurrent.atomic.AtomicLong failedBatches = new java.util.concurrent.atomic.AtomicLong();

    Projector(Neo4jGraphStore store, Outbox outbox, String consumer) {
        this.store = Check.required("store", store);
        this.outbox = Check.required("outbox", outbox);
        this.consumer = Check.text("consumer", consumer, 100);
    }

    /** Sets the records per batch, 1 to {@link Outbox#MAX_BATCH}. */
    public Projector batchSize(int size) {
        this.batchSize = (int) Check.range("batchSize", size, 1, Outbox.MAX_BATCH);
        return this;
    }

    /** How many outbox records are not applied yet. */
    public long lag() {
        return outbox.lag(consumer);
    }

    /** How many batches the background thread saw fail (and tried again) since this projector was made. */
    public long failedBatches() {
        return failedBatches.get();
    }

    /** Applies one batch and acknowledges it; returns how many records it held (0 when caught up). */
    public int runOnce() {
        synchronized (lock) {
            List<OutboxChange> batch = outbox.poll(consumer, batchSize);
            if (batch.isEmpty()) {
                return 0;
            }
            apply(batch);
            outbox.acknowledge(consumer, batch.get(batch.size() - 1).position());
            return batch.size();
        }
    }

    /**
     * Applies batches until every change committed before this call is applied ({@link Outbox#head()}),
     * waiting while a transaction still running on the database server holds records back, for at most
     * {@code timeout}; returns how many records were applied.
     *
     * @throws IllegalStateException when the outbox stayed held back for longer than {@code timeout}
     */
    public long runUntilCaughtUp(Duration timeout) {
        Check.required("timeout", timeout);
        OutboxPosition head = outbox.head();
        long deadline = System.nanoTime() + timeout.toNanos();
        long total = 0;
        while (outbox.checkpoint(consumer).compareTo(head) < 0) {
            int applied = runOnce();
            total += applied;
            if (applied == 0) {
                if (System.nanoTime() - deadline > 0) {
                    throw new IllegalStateException("the outbox is still held back by a running transaction after "
                            + timeout.toSeconds() + " s; " + lag() + " records wait");
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while catching up", e);
                }
            }
        }
        return total;
    }

    /** {@link #runUntilCaughtUp(Duration)} waiting at most a minute. */
    public long runUntilCaughtUp() {
        return runUntilCaughtUp(Duration.ofMinutes(1));
    }

    /** Starts applying in a background thread; a failed batch is logged and tried again after a back-off. */
    public synchronized void start() {
        if (thread != null) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, "plinth-graph-projector");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops the background thread, interrupting the batch in flight (it is applied again on the next run). */
    public synchronized void stop() {
        if (thread == null) {
            return;
        }
        running = false;
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
    }

    /** Stops the background thread. */
    @Override
    public void close() {
        stop();
    }

    /**
     * Re-projects one user from PostgreSQL: removes the user's nodes and edges from Neo4j and writes them
     * again from the user's rows as they are now, in one Neo4j transaction. Changes made meanwhile reach
     * the graph through the outbox as usual.
     */
    public void rebuild(UserId userId) {
        Check.required("userId", userId);
        synchronized (lock) {
            List<MirroredRow> rows = outbox.rows(userId);
            try (Session session = store.driver().session()) {
                session.executeWriteWithoutResult(tx -> {
                    for (NodeType label : NodeType.values()) {
                        tx.run("MATCH (n:" + label + " {userId: $u}) DETACH DELETE n", Map.of("u", userId.toString())).consume();
                    }
                    Writes writes = new Writes();
                    rows.forEach(writes::add);
                    writes.run(tx);
                });
            }
            LOG.info("rebuilt the graph of user {} ({} rows)", userId, rows.size());
        }
    }

    /** Re-projects every user ({@link #rebuild(UserId)}), then removes the nodes of users that are gone. */
    public void rebuildAll() {
        synchronized (lock) {
            Set<String> users = new HashSet<>();
            for (UserId user : outbox.users()) {
                rebuild(user);
                users.add(user.toString());
            }
            try (Session session = store.driver().session()) {
                for (NodeType label : NodeType.values()) {
                    session.executeWriteWithoutResult(tx -> tx.run(
                            "MATCH (n:" + label + ") WHERE NOT n.userId IN $users DETACH DELETE n",
                            Map.of("users", List.copyOf(users))).consume());
                }
            }
        }
    }

    /** Applies a batch in one Neo4j transaction without acknowledging it: a crash between the two. */
    void apply(List<OutboxChange> batch) {
        Writes writes = new Writes();
        // every record of one row in a batch carries the same state (one snapshot): the row's last record stands for all
        Map<List<Object>, OutboxChange> last = new LinkedHashMap<>();
        for (OutboxChange change : batch) {
            List<Object> row = List.of(change.table(), change.id());
            last.remove(row);
            last.put(row, change);
        }
        last.values().forEach(writes::add);
        try (Session session = store.driver().session()) {
            session.executeWriteWithoutResult(writes::run);
        }
    }

    /**
     * The writes of a batch, grouped by kind, each group applied with one {@code UNWIND $rows} statement.
     * The states of a batch come from one PostgreSQL snapshot and name each row at most once, so the
     * groups do not depend on one another's order but for this one, which {@link #run} keeps: gone nodes
     * are DETACH DELETEd and the edges of gone or changed edge rows deleted; then nodes are MERGEd and SET
     * to their rows (their owned MEMBER_OF / MERGED_INTO / DERIVED_FROM edges deleted); then every edge
     * the rows make is created, its ends MERGEd by key (with only {@code userId} when their own record has
     * not been applied yet) and the edge written only when both ends carry its {@code userId}.
     */
    private static final class Writes {
        private final Map<NodeType, List<String>> goneNodes = new EnumMap<>(NodeType.class);
        private final Map<EdgeType, List<String>> replacedEdges = new EnumMap<>(EdgeType.class);
        private final Map<NodeType, List<Map<String, Object>>> nodes = new EnumMap<>(NodeType.class);
        private final Map<List<Object>, List<Map<String, Object>>> edges = new LinkedHashMap<>();

        void add(OutboxChange change) {
            if (!Mirror.inGraph(change.table())) {
                return; // a row the graph does not mirror (a message, a card: the vector index's)
            }
            if (change.row().isPresent()) {
                add(change.row().get());
                return;
            }
            String id = change.id().toString();
            Mirror.nodeType(change.table()).ifPresentOrElse(
                    label -> goneNodes.computeIfAbsent(label, l -> new ArrayList<>()).add(id),
                    () -> replacedEdges.computeIfAbsent(Mirror.edgeType(change.table()), t -> new ArrayList<>()).add(id));
        }

        /** A row as it is: its node and owned edges, or its edge row's edge replaced. */
        void add(MirroredRow row) {
            if (!Mirror.inGraph(row.table())) {
                return;
            }
            Mirror.Projection projection = Mirror.of(row);
            projection.node().ifPresentOrElse(
                    node -> nodes.computeIfAbsent(node.ref().label(), l -> new ArrayList<>())
                            .add(Map.of("key", node.ref().key(), "props", node.properties())),
                    () -> replacedEdges.computeIfAbsent(Mirror.edgeType(row.table()), t -> new ArrayList<>()).add(row.id().toString()));
            for (Mirror.Edge edge : projection.edges()) {
                edges.computeIfAbsent(List.of(edge.type(), edge.from().label(), edge.to().label()), k -> new ArrayList<>())
                        .add(Map.of("from", edge.from().key(), "to", edge.to().key(), "u", edge.properties().get("userId"),
                                "props", edge.properties()));
            }
        }

        void run(TransactionContext tx) {
            goneNodes.forEach((label, keys) -> tx.run("UNWIND $keys AS k MATCH (n:" + label + " {" + Mirror.keyProperty(label)
                    + ": k}) DETACH DELETE n", Map.of("keys", keys)).consume());
            replacedEdges.forEach((type, ids) -> tx.run("UNWIND $ids AS id MATCH ()-[r:" + type + " {id: id}]->() DELETE r",
                    Map.of("ids", ids)).consume());
            nodes.forEach((label, rows) -> tx.run("UNWIND $rows AS r MERGE (n:" + label + " {" + Mirror.keyProperty(label)
                    + ": r.key}) SET n = r.props WITH n OPTIONAL MATCH (n)-[e:" + Mirror.OWNED_EDGE_TYPES + "]->() DELETE e",
                    Map.of("rows", rows)).consume());
            edges.forEach((shape, rows) -> {
                NodeType from = (NodeType) shape.get(1);
                NodeType to = (NodeType) shape.get(2);
                tx.run("UNWIND $rows AS r MERGE (a:" + from + " {" + Mirror.keyProperty(from) + ": r.from}) ON CREATE SET a.userId = r.u "
                        + "MERGE (b:" + to + " {" + Mirror.keyProperty(to) + ": r.to}) ON CREATE SET b.userId = r.u "
                        + "WITH a, b, r WHERE a.userId = r.u AND b.userId = r.u "
                        + "CREATE (a)-[e:" + shape.get(0) + "]->(b) SET e = r.props", Map.of("rows", rows)).consume();
            });
        }
    }

    private void loop() {
        Duration backoff = IDLE;
        boolean applied = false;
        while (running) {
            try {
                if (runOnce() > 0) {
                    applied = true;
                } else {
                    if (applied) {
                        long pruned = outbox.prune();
                        LOG.debug("pruned {} outbox records every consumer has passed", pruned);
                        applied = false;
                    }
                    sleep(IDLE);
                }
                backoff = IDLE;
            } catch (RuntimeException e) {
                if (!running) {
                    break;
                }
                failedBatches.incrementAndGet();
                LOG.warn("graph projector batch failed, trying again in {} ms: {}", backoff.toMillis(), e.toString());
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}

