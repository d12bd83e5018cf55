package io.plinth.graph.neo4j;

import io.plinth.graph.EdgeType;
import io.plinth.graph.MirroredRow;
import io.plinth.graph.MirroredTable;
import io.plinth.graph.NodeType;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What one PostgreSQL row is in the graph: the one mapping both the {@link Projector} (which writes it)
 * and the {@link GraphVerifier} (which expects it) use. A node row is its node and the edges its columns
 * make (a concept's MEMBER_OF and MERGED_INTO, an artifact's DERIVED_FROM); an edge row is its edge. An
 * edge whose two ends belong to different users is never part of the graph. Ids are written as their
 * canonical text; every node and edge carries {@code userId}.
 */
final class Mirror {
    /** The relationship types a node row owns: its outgoing edges of these types are re-derived from the row. */
    static final String OWNED_EDGE_TYPES = "MEMBER_OF|MERGED_INTO|DERIVED_FROM";

    private Mirror() {
    }

    /** A node as the graph addresses it: its label and the value of its key property. */
    record NodeRef(NodeType label, String key) {
        String keyProperty() {
            return Mirror.keyProperty(label);
        }

        @Override
        public String toString() {
            return label + " " + key;
        }
    }

    /** A node with every property it carries (its key and {@code userId} among them). */
    record Node(NodeRef ref, Map<String, Object> properties) {
    }

    /** An edge with every property it carries ({@code userId} among them; {@code id} for a row's own edge). */
    record Edge(EdgeType type, NodeRef from, NodeRef to, Map<String, Object> properties) {
        String identity() {
            return type + " " + from + " -> " + to;
        }
    }

    /** What a row is in the graph. */
    record Projection(Optional<Node> node, List<Edge> edges) {
    }

    /** The key property of a label, as seed 004 names it. */
    static String keyProperty(NodeType label) {
        return switch (label) {
            case User -> "userId";
            case MemoryUnit -> "muid";
            case Concept, DerivedArtifact -> "id";
            case Community -> "community_id";
        };
    }

    /** The node a row of a node table is (none for an edge table). */
    static Optional<NodeType> nodeType(MirroredTable table) {
        return switch (table) {
            case USERS -> Optional.of(NodeType.User);
            case COMMUNITIES -> Optional.of(NodeType.Community);
            case MEMORY_UNITS -> Optional.of(NodeType.MemoryUnit);
            case CONCEPTS -> Optional.of(NodeType.Concept);
            case DERIVED_ARTIFACTS -> Optional.of(NodeType.DerivedArtifact);
            case CONCEPT_MENTIONS, CONCEPT_RELATIONS, CONVERSATION_MESSAGES, CARDS -> Optional.empty();
        };
    }

    /** Whether a table's rows are part of the graph (conversation messages and cards feed the vector index only). */
    static boolean inGraph(MirroredTable table) {
        return table != MirroredTable.CONVERSATION_MESSAGES && table != MirroredTable.CARDS;
    }

    /** The edge type an edge table's rows are. */
    static EdgeType edgeType(MirroredTable table) {
        return switch (table) {
            case CONCEPT_MENTIONS -> EdgeType.MENTIONS;
            case CONCEPT_RELATIONS -> EdgeType.RELATED_TO;
            default -> throw new IllegalArgumentException(table + " is not an edge table");
        };
    }

    static Projection of(MirroredRow row) {
        String user = row.userId().toString();
        Map<String, Object> p = new LinkedHashMap<>();
        List<Edge> edges = new ArrayList<>();
        NodeType label = nodeType(row.table()).orElse(null);
        if (label != null) {
            p.put(keyProperty(label), row.id().toString());
            p.put("userId", user);
        }
        NodeRef self = label == null ? null : new NodeRef(label, row.id().toString());
        switch (row.table()) {
            case USERS -> {
            }
            case COMMUNITIES -> p.put("name", row.text("name"));
            case MEMORY_UNITS -> {
                p.put("title", row.text("title"));
                p.put("creation_ts", row.instant("creation_ts").atZone(ZoneOffset.UTC));
            }
            case CONCEPTS -> {
                p.put("name", row.text("name"));
                p.put("type", row.text("type"));
                p.put("status", row.text("status"));
                derived(row, "community_id", EdgeType.MEMBER_OF, self, NodeType.Community, edges);
                derived(row, "merged_into_concept_id", EdgeType.MERGED_INTO, self, NodeType.Concept, edges);
            }
            case DERIVED_ARTIFACTS -> {
                p.put("title", row.text("title"));
                p.put("artifact_type", row.text("artifact_type"));
                derived(row, "source_memory_unit_id", EdgeType.DERIVED_FROM, self, NodeType.MemoryUnit, edges);
                derived(row, "source_concept_id", EdgeType.DERIVED_FROM, self, NodeType.Concept, edges);
            }
            case CONCEPT_MENTIONS -> {
                if (sameUser(row, "memory_unit_user_id") && sameUser(row, "concept_user_id")) {
                    edges.add(new Edge(EdgeType.MENTIONS, new NodeRef(NodeType.MemoryUnit, row.uuid("memory_unit_id").toString()),
                            new NodeRef(NodeType.Concept, row.uuid("concept_id").toString()),
                            props("id", row.id().toString(), "userId", user, "weight", row.number("weight"))));
                }
            }
            case CONCEPT_RELATIONS -> {
                if (sameUser(row, "from_concept_user_id") && sameUser(row, "to_concept_user_id")) {
                    Map<String, Object> e = props("id", row.id().toString(), "userId", user, "weight", row.number("weight"));
                    e.put("provenance", row.text("provenance"));
                    edges.add(new Edge(EdgeType.RELATED_TO, new NodeRef(NodeType.Concept, row.uuid("from_concept_id").toString()),
                            new NodeRef(NodeType.Concept, row.uuid("to_concept_id").toString()), e));
                }
            }
        }
        return new Projection(label == null ? Optional.empty() : Optional.of(new Node(self, p)), edges);
    }

    private static void derived(MirroredRow row, String column, EdgeType type, NodeRef from, NodeType toLabel, List<Edge> edges) {
        UUID target = row.uuid(column);
        if (target != null && sameUser(row, column.replaceFirst("_id$", "") + "_user_id")) {
            edges.add(new Edge(type, from, new NodeRef(toLabel, target.toString()), props("userId", row.userId().toString())));
        }
    }

    private static boolean sameUser(MirroredRow row, String ownerColumn) {
        return row.userId().equals(row.uuid(ownerColumn));
    }

    private static Map<String, Object> props(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
