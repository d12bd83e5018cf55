package io.plinth.graph.neo4j;

import io.plinth.core.Check;
import io.plinth.graph.EdgeType;
import io.plinth.graph.MirroredRow;
import io.plinth.graph.NodeType;
import io.plinth.graph.Outbox;
import io.plinth.graph.OutboxConsumer;
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
public final class Projector extends OutboxConsumer<Projector> {
    /** The consumer name the graph's checkpoint is kept under. */
    public static final String CONSUMER = "neo4j-graph";

    private static final Logger LOG = LoggerFactory.getLogger(Projector.class);

    private final Neo4jGraphStore store;

    Projector(Neo4jGraphStore store, Outbox outbox, String consumer) {
        super(outbox, consumer, "plinth-graph-projector");
        this.store = Check.required("store", store);
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
    @Override
    protected void apply(List<OutboxChange> batch) {
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
}
