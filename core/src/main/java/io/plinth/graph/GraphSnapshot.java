package io.plinth.graph;

import io.plinth.core.Check;
import io.plinth.core.Ids;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A user's whole knowledge graph ({@link KnowledgeGraph#subgraph}): nodes ordered by type (in
 * {@link NodeType} order) then id; edges ordered by type (in {@link EdgeType} order), then from, then to.
 * The user's own {@link NodeType#User} node is not listed.
 */
public record GraphSnapshot(List<Node> nodes, List<Edge> edges) {
    private static final Comparator<Node> NODE_ORDER = Comparator.comparing(Node::type).thenComparing(Node::id, Ids.ORDER);
    private static final Comparator<Edge> EDGE_ORDER = Comparator.comparing(Edge::type)
            .thenComparing(Edge::from, Ids.ORDER).thenComparing(Edge::to, Ids.ORDER);

    public GraphSnapshot {
        nodes = List.copyOf(Check.required("nodes", nodes));
        edges = List.copyOf(Check.required("edges", edges));
    }

    /**
     * The snapshot of these nodes and edges in the snapshot's order, leaving out an edge whose end is
     * not among the nodes (only rows written past Plinth, linking two users' nodes, make one). Every
     * store builds its snapshot this way.
     */
    public static GraphSnapshot of(Collection<Node> nodes, Collection<Edge> edges) {
        Set<UUID> ids = new HashSet<>();
        nodes.forEach(n -> ids.add(n.id()));
        return new GraphSnapshot(nodes.stream().sorted(NODE_ORDER).toList(),
                edges.stream().filter(e -> ids.contains(e.from()) && ids.contains(e.to())).sorted(EDGE_ORDER).toList());
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
