package io.plinth.graph;

import io.plinth.core.Check;
import java.util.List;
import java.util.UUID;

/**
 * A user's whole knowledge graph ({@link KnowledgeGraph#subgraph}): nodes ordered by type (in
 * {@link NodeType} order) then id; edges ordered by type (in {@link EdgeType} order), then from, then to.
 * The user's own {@link NodeType#User} node is not listed.
 */
public record GraphSnapshot(List<Node> nodes, List<Edge> edges) {
    public GraphSnapshot {
        nodes = List.copyOf(Check.required("nodes", nodes));
        edges = List.copyOf(Check.required("edges", edges));
    }

    /**
     * A node.
     *
     * @param label the concept's, community's or artifact's name or title, the memory unit's title
     */
    public record Node(NodeType type, UUID id, String label) {
    }

    /**
     * An edge.
     *
     * @param weight the weight of a MENTIONS or RELATED_TO edge, else 1
     */
    public record Edge(EdgeType type, UUID from, UUID to, double weight) {
    }
}
