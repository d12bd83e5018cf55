package io.plinth.graph.neo4j;

import io.plinth.core.Check;
import io.plinth.core.NotFoundException;
import io.plinth.graph.ArtifactSources;
import io.plinth.graph.ConceptPath;
import io.plinth.graph.EdgeType;
import io.plinth.graph.GraphSnapshot;
import io.plinth.graph.KnowledgeGraph;
import io.plinth.graph.Mentioned;
import io.plinth.graph.Neighbour;
import io.plinth.graph.NodeType;
import io.plinth.memory.CommunityId;
import io.plinth.memory.ConceptId;
import io.plinth.memory.DerivedArtifactId;
import io.plinth.memory.MemoryUnitId;
import io.plinth.tenancy.UserId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;

/**
 * The {@link KnowledgeGraph} answered in Cypher from the projected graph. Ids are stored as their
 * canonical text, so Cypher's string order is the id order the interface specifies; path weights are
 * {@code reduce}d over {@code relationships(p)}, which lists a path's edges from its start.
 */
final class Neo4jKnowledgeGraph implements KnowledgeGraph {
    private final Neo4jGraphStore store;

    Neo4jKnowledgeGraph(Neo4jGraphStore store) {
        this.store = store;
    }

    @Override
    public List<Neighbour> neighbourhood(UserId userId, ConceptId conceptId, int depth, int limit) {
        Check.required("userId", userId);
        Check.required("conceptId", conceptId);
        Check.range("depth", depth, 1, MAX_DEPTH);
        Check.range("limit", limit, 1, MAX_LIMIT);
        // one statement: no row when the concept is not the user's, one row of nulls when it has no neighbours
        List<Record> rows = read(tx -> tx.run("""
                MATCH (s:Concept {id: $id}) WHERE s.userId = $u
                OPTIONAL MATCH p = (s)-[:RELATED_TO*1..%d]-(n:Concept)
                WHERE n <> s
                WITH n.id AS id, reduce(w = 1.0, r IN relationships(p) | w * r.weight) AS w, length(p) AS d
                WITH id, max(w) AS weight, min(d) AS distance
                RETURN id, weight, distance ORDER BY weight DESC, distance, id LIMIT $limit""".formatted(depth),
                Map.of("id", conceptId.toString(), "u", userId.toString(), "limit", limit)).list());
        if (rows.isEmpty()) {
            throw new NotFoundException("concept", conceptId.value());
        }
        return rows.stream().filter(r -> !r.get("id").isNull()).map(r -> new Neighbour(
                ConceptId.parse(r.get("id").asString()), r.get("weight").asDouble(), r.get("distance").asInt())).toList();
    }

    @Override
    public Optional<ConceptPath> shortestPath(UserId userId, ConceptId from, ConceptId to) {
        Check.required("userId", userId);
        Check.required("from", from);
        Check.required("to", to);
        return read(tx -> {
            requireNode(tx, userId, NodeType.Concept, from.value(), "concept");
            requireNode(tx, userId, NodeType.Concept, to.value(), "concept");
            if (from.equals(to)) {
                return Optional.of(new ConceptPath(List.of(from), 1.0));
            }
            // among parallel edges (a→b and b→a) the chain's weight is the best one
            List<Record> found = tx.run("""
                    MATCH (a:Concept {id: $from}), (b:Concept {id: $to})
                    MATCH p = allShortestPaths((a)-[:RELATED_TO*..%d]-(b))
                    WITH [n IN nodes(p) | n.id] AS ids, reduce(w = 1.0, r IN relationships(p) | w * r.weight) AS w
                    RETURN ids, max(w) AS weight ORDER BY ids LIMIT 1""".formatted(MAX_PATH_EDGES),
                    Map.of("from", from.toString(), "to", to.toString())).list();
            return found.stream().findFirst().map(r -> new ConceptPath(
                    r.get("ids").asList(v -> ConceptId.parse(v.asString())), r.get("weight").asDouble()));
        });
    }

    @Override
    public List<ConceptId> communityMembers(UserId userId, CommunityId communityId) {
        Check.required("userId", userId);
        Check.required("communityId", communityId);
        return read(tx -> {
            requireNode(tx, userId, NodeType.Community, communityId.value(), "community");
            return tx.run("MATCH (c:Concept)-[:MEMBER_OF]->(:Community {community_id: $id}) RETURN c.id AS id ORDER BY id",
                    Map.of("id", communityId.toString())).list(r -> ConceptId.parse(r.get("id").asString()));
        });
    }

    @Override
    public List<Mentioned> mentionedConcepts(UserId userId, MemoryUnitId memoryUnitId) {
        Check.required("userId", userId);
        Check.required("memoryUnitId", memoryUnitId);
        return read(tx -> {
            requireNode(tx, userId, NodeType.MemoryUnit, memoryUnitId.value(), "memory unit");
            return tx.run("""
                    MATCH (:MemoryUnit {muid: $id})-[r:MENTIONS]->(c:Concept)
                    RETURN c.id AS id, r.weight AS weight ORDER BY weight DESC, id""",
                    Map.of("id", memoryUnitId.toString())).list(r -> new Mentioned(
                    ConceptId.parse(r.get("id").asString()), r.get("weight").asDouble()));
        });
    }

    @Override
    public ArtifactSources derivedFrom(UserId userId, DerivedArtifactId artifactId) {
        Check.required("userId", userId);
        Check.required("artifactId", artifactId);
        return read(tx -> {
            requireNode(tx, userId, NodeType.DerivedArtifact, artifactId.value(), "artifact");
            Record r = tx.run("""
                    MATCH (a:DerivedArtifact {id: $id})
                    OPTIONAL MATCH (a)-[:DERIVED_FROM]->(m:MemoryUnit)
                    OPTIONAL MATCH (a)-[:DERIVED_FROM]->(c:Concept)
                    RETURN m.muid AS memoryUnit, c.id AS concept""", Map.of("id", artifactId.toString())).single();
            return new ArtifactSources(
                    r.get("memoryUnit").isNull() ? Optional.empty() : Optional.of(MemoryUnitId.parse(r.get("memoryUnit").asString())),
                    r.get("concept").isNull() ? Optional.empty() : Optional.of(ConceptId.parse(r.get("concept").asString())));
        });
    }

    @Override
    public ConceptId resolve(UserId userId, ConceptId conceptId) {
        Check.required("userId", userId);
        Check.required("conceptId", conceptId);
        return read(tx -> {
            requireNode(tx, userId, NodeType.Concept, conceptId.value(), "concept");
            return tx.run("""
                    MATCH p = (:Concept {id: $id})-[:MERGED_INTO*1..]->(e:Concept)
                    WHERE NOT (e)-[:MERGED_INTO]->()
                    RETURN e.id AS id ORDER BY length(p) DESC LIMIT 1""", Map.of("id", conceptId.toString()))
                    .list(r -> ConceptId.parse(r.get("id").asString())).stream().findFirst().orElse(conceptId);
        });
    }

    @Override
    public GraphSnapshot subgraph(UserId userId) {
        Check.required("userId", userId);
        return read(tx -> {
            List<GraphSnapshot.Node> nodes = new ArrayList<>();
            for (NodeType type : List.of(NodeType.MemoryUnit, NodeType.Concept, NodeType.DerivedArtifact, NodeType.Community)) {
                String label = type == NodeType.MemoryUnit || type == NodeType.DerivedArtifact ? "title" : "name";
                tx.run("MATCH (n:" + type + " {userId: $u}) RETURN n." + Mirror.keyProperty(type) + " AS id, n." + label
                                + " AS label ORDER BY id", Map.of("u", userId.toString()))
                        .forEachRemaining(r -> nodes.add(new GraphSnapshot.Node(type, UUID.fromString(r.get("id").asString()),
                                r.get("label").isNull() ? null : r.get("label").asString())));
            }
            List<GraphSnapshot.Edge> edges = new ArrayList<>();
            for (NodeType from : List.of(NodeType.MemoryUnit, NodeType.Concept, NodeType.DerivedArtifact)) { // every edge starts at one
                tx.run("MATCH (a:" + from + " {userId: $u})-[r]->(b) WHERE r.userId = $u RETURN type(r) AS type, a."
                                + Mirror.keyProperty(from) + " AS from, coalesce(b.id, b.muid, b.community_id) AS to, "
                                + "coalesce(r.weight, 1.0) AS weight", Map.of("u", userId.toString()))
                        .forEachRemaining(r -> edges.add(new GraphSnapshot.Edge(EdgeType.valueOf(r.get("type").asString()),
                                UUID.fromString(r.get("from").asString()), UUID.fromString(r.get("to").asString()),
                                r.get("weight").asDouble())));
            }
            edges.sort(Comparator.<GraphSnapshot.Edge, EdgeType>comparing(GraphSnapshot.Edge::type)
                    .thenComparing(e -> e.from().toString()).thenComparing(e -> e.to().toString()));
            return new GraphSnapshot(nodes, edges);
        });
    }

    @Override
    public String toString() {
        return "Neo4jKnowledgeGraph[" + store + "]";
    }

    private static void requireNode(TransactionContext tx, UserId userId, NodeType label, UUID id, String entity) {
        boolean found = tx.run("MATCH (n:" + label + " {" + Mirror.keyProperty(label) + ": $id}) WHERE n.userId = $u RETURN 1 LIMIT 1",
                Map.of("id", id.toString(), "u", userId.toString())).hasNext();
        if (!found) {
            throw new NotFoundException(entity, id);
        }
    }

    private <T> T read(Function<TransactionContext, T> work) {
        try (Session session = store.driver().session()) {
            return session.executeRead(work::apply);
        }
    }
}
