package io.plinth.graph.neo4j;

import io.plinth.core.Check;
import io.plinth.graph.MirroredRow;
import io.plinth.graph.NodeType;
import io.plinth.graph.Outbox;
import io.plinth.tenancy.UserId;
import java.time.temporal.TemporalAccessor;
import java.time.ZonedDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;

/**
 * Compares the graph in Neo4j with what PostgreSQL holds, node by node and edge by edge, every property
 * included, and lists every difference: a node or edge missing from Neo4j, one Neo4j has and PostgreSQL
 * does not (or has twice), and one whose properties differ. Run it when nothing is being written (or
 * after the projector caught up): it reads each store once, not both in one snapshot.
 */
public final class GraphVerifier {
    private static final String NODE_KEY = "coalesce(%1$s.id, %1$s.muid, %1$s.community_id, %1$s.userId)";

    private final Neo4jGraphStore store;
    private final Outbox outbox;

    GraphVerifier(Neo4jGraphStore store, Outbox outbox) {
        this.store = Check.required("store", store);
        this.outbox = Check.required("outbox", outbox);
    }

    /** Every difference over the whole graph, sorted; empty when Neo4j equals PostgreSQL. */
    public List<String> verify() {
        Expected expected = new Expected();
        outbox.users().forEach(user -> expected.add(outbox.rows(user)));
        return compare(expected, actual("", Map.of()));
    }

    /** Every difference in one user's graph, sorted. */
    public List<String> verify(UserId userId) {
        Check.required("userId", userId);
        Expected expected = new Expected();
        expected.add(outbox.rows(userId));
        return compare(expected, actual(" WHERE n.userId = $u", Map.of("u", userId.toString())));
    }

    private Actual actual(String nodeFilter, Map<String, Object> parameters) {
        Actual actual = new Actual();
        try (Session session = store.driver().session()) {
            session.executeRead(tx -> {
                for (NodeType label : NodeType.values()) {
                    tx.run("MATCH (n:" + label + ")" + nodeFilter + " RETURN n." + Mirror.keyProperty(label)
                            + " AS key, properties(n) AS props", parameters).forEachRemaining(r -> actual.nodes
                            .computeIfAbsent(label + " " + r.get("key").asString(), k -> new ArrayList<>())
                            .add(normalized(r.get("props").asMap())));
                }
                tx.run("MATCH (n)-[r]->(b)" + nodeFilter.replace("n.userId = $u", "(n.userId = $u OR b.userId = $u)")
                        + " RETURN type(r) AS type, labels(n)[0] AS fromLabel, " + NODE_KEY.formatted("n")
                        + " AS fromKey, labels(b)[0] AS toLabel, " + NODE_KEY.formatted("b")
                        + " AS toKey, properties(r) AS props", parameters).forEachRemaining(r -> actual.edges
                        .computeIfAbsent(edgeIdentity(r), k -> new ArrayList<>()).add(normalized(r.get("props").asMap())));
                return null;
            });
        }
        return actual;
    }

    private static String edgeIdentity(Record r) {
        return r.get("type").asString() + " " + text(r.get("fromLabel")) + " " + text(r.get("fromKey")) + " -> "
                + text(r.get("toLabel")) + " " + text(r.get("toKey"));
    }

    private static String text(Value v) {
        return v.isNull() ? "?" : v.asString();
    }

    private static List<String> compare(Expected expected, Actual actual) {
        TreeSet<String> differences = new TreeSet<>();
        diff("node", expected.nodes, actual.nodes, differences);
        diff("edge", expected.edges, actual.edges, differences);
        return List.copyOf(differences);
    }

    private static void diff(String kind, Map<String, Map<String, Object>> expected, Map<String, List<Map<String, Object>>> actual,
                             TreeSet<String> differences) {
        expected.forEach((identity, properties) -> {
            List<Map<String, Object>> found = actual.getOrDefault(identity, List.of());
            if (found.isEmpty()) {
                differences.add("missing " + kind + " " + identity + ": in PostgreSQL, not in Neo4j");
                return;
            }
            if (found.size() > 1) {
                differences.add("extra " + kind + " " + identity + ": " + found.size() + " in Neo4j, 1 in PostgreSQL");
            }
            Map<String, Object> got = found.get(0);
            TreeSet<String> names = new TreeSet<>(properties.keySet());
            names.addAll(got.keySet());
            for (String name : names) {
                if (!Objects.equals(properties.get(name), got.get(name))) {
                    differences.add("different " + kind + " " + identity + ": " + name + " is " + shown(properties.get(name))
                            + " in PostgreSQL, " + shown(got.get(name)) + " in Neo4j");
                }
            }
        });
        actual.forEach((identity, found) -> {
            if (!expected.containsKey(identity)) {
                differences.add("extra " + kind + " " + identity + ": in Neo4j (" + found.size() + "), not in PostgreSQL");
            }
        });
    }

    private static String shown(Object value) {
        return value == null ? "absent" : value instanceof String s ? '"' + s + '"' : value.toString();
    }

    /** Temporal values compare as instants, whatever zone they carry. */
    private static Map<String, Object> normalized(Map<String, Object> properties) {
        Map<String, Object> out = new TreeMap<>();
        properties.forEach((k, v) -> out.put(k, v instanceof ZonedDateTime z ? z.toInstant()
                : v instanceof OffsetDateTime o ? o.toInstant() : v instanceof TemporalAccessor ? v.toString() : v));
        return out;
    }

    private static final class Expected {
        final Map<String, Map<String, Object>> nodes = new HashMap<>();
        final Map<String, Map<String, Object>> edges = new HashMap<>();

        void add(List<MirroredRow> rows) {
            for (MirroredRow row : rows) {
                Mirror.Projection p = Mirror.of(row);
                p.node().ifPresent(n -> nodes.put(n.ref().toString(), normalized(n.properties())));
                p.edges().forEach(e -> edges.put(e.identity(), normalized(e.properties())));
            }
        }
    }

    private static final class Actual {
        final Map<String, List<Map<String, Object>>> nodes = new HashMap<>();
        final Map<String, List<Map<String, Object>>> edges = new HashMap<>();
    }
}
