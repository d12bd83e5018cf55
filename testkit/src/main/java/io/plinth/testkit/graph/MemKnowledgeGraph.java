package io.plinth.testkit.graph;

import io.plinth.core.Check;
import io.plinth.core.Ids;
import io.plinth.core.NotFoundException;
import io.plinth.graph.ArtifactSources;
import io.plinth.graph.ConceptPath;
import io.plinth.graph.EdgeType;
import io.plinth.graph.GraphSnapshot;
import io.plinth.graph.GraphSnapshot.Edge;
import io.plinth.graph.GraphSnapshot.Node;
import io.plinth.graph.KnowledgeGraph;
import io.plinth.graph.Mentioned;
import io.plinth.graph.Neighbour;
import io.plinth.graph.NodeType;
import io.plinth.memory.Community;
import io.plinth.memory.CommunityId;
import io.plinth.memory.Concept;
import io.plinth.memory.ConceptId;
import io.plinth.memory.ConceptRelation;
import io.plinth.memory.DerivedArtifact;
import io.plinth.memory.DerivedArtifactId;
import io.plinth.memory.MemoryTables;
import io.plinth.memory.MemoryUnit;
import io.plinth.memory.MemoryUnitId;
import io.plinth.memory.Mention;
import io.plinth.tenancy.UserId;
import io.plinth.testkit.Tables;
import io.plinth.testkit.memory.MemConceptRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The in-memory {@link KnowledgeGraph}: the reference answers, computed by plain code over the kit's
 * tables on every call. Internal to the test kit.
 */
public final class MemKnowledgeGraph implements KnowledgeGraph {
    private static final Comparator<Neighbour> RANK = Comparator.comparingDouble(Neighbour::weight).reversed()
            .thenComparingInt(Neighbour::distance).thenComparing(n -> n.conceptId().value(), Ids.ORDER);

    private final Tables tables;
    private final Supplier<Instant> now;

    /** The graph over {@code tables}; {@code now} is the store's clock. */
    public MemKnowledgeGraph(Tables tables, Supplier<Instant> now) {
        this.tables = tables;
        this.now = now;
    }

    @Override
    public List<Neighbour> neighbourhood(UserId userId, ConceptId conceptId, int depth, int limit) {
        Check.range("depth", depth, 1, MAX_DEPTH);
        Check.range("limit", limit, 1, MAX_LIMIT);
        requireConcept(userId, conceptId);
        Map<UUID, Map<UUID, Double>> adjacent = adjacency(userId);
        UUID start = conceptId.value();
        // Level by level: the best weight of each concept reached by a walk of exactly k edges. Keeping
        // only the best per concept is exact, as multiplying by a weight is monotone.
        Map<UUID, Double> level = Map.of(start, 1.0);
        Map<UUID, Double> best = new HashMap<>();
        Map<UUID, Integer> distance = new HashMap<>();
        for (int k = 1; k <= depth; k++) {
            Map<UUID, Double> next = new HashMap<>();
            for (Map.Entry<UUID, Double> at : level.entrySet()) {
                for (Map.Entry<UUID, Double> edge : adjacent.getOrDefault(at.getKey(), Map.of()).entrySet()) {
                    next.merge(edge.getKey(), at.getValue() * edge.getValue(), Math::max);
                }
            }
            for (Map.Entry<UUID, Double> reached : next.entrySet()) {
                best.merge(reached.getKey(), reached.getValue(), Math::max);
                distance.putIfAbsent(reached.getKey(), k);
            }
            level = next;
        }
        best.remove(start);
        return best.entrySet().stream()
                .map(e -> new Neighbour(new ConceptId(e.getKey()), e.getValue(), distance.get(e.getKey())))
                .sorted(RANK).limit(limit).toList();
    }

    @Override
    public Optional<ConceptPath> shortestPath(UserId userId, ConceptId from, ConceptId to) {
        requireConcept(userId, from);
        requireConcept(userId, to);
        Map<UUID, Map<UUID, Double>> adjacent = adjacency(userId);
        // Breadth-first from the end: each concept's distance to it, up to the longest path looked for.
        Map<UUID, Integer> toEnd = new HashMap<>();
        toEnd.put(to.value(), 0);
        List<UUID> level = List.of(to.value());
        for (int k = 1; k <= MAX_PATH_EDGES && !toEnd.containsKey(from.value()) && !level.isEmpty(); k++) {
            List<UUID> next = new ArrayList<>();
            for (UUID at : level) {
                for (UUID n : adjacent.getOrDefault(at, Map.of()).keySet()) {
                    if (toEnd.putIfAbsent(n, k) == null) {
                        next.add(n);
                    }
                }
            }
            level = next;
        }
        Integer length = toEnd.get(from.value());
        if (length == null) {
            return Optional.empty();
        }
        // From the start, always the first concept in id order one step nearer the end.
        List<ConceptId> concepts = new ArrayList<>(List.of(from));
        double weight = 1.0;
        UUID at = from.value();
        for (int left = length; left > 0; left--) {
            UUID step = null;
            for (UUID n : adjacent.get(at).keySet()) {
                if (toEnd.getOrDefault(n, -1) == left - 1 && (step == null || Ids.ORDER.compare(n, step) < 0)) {
                    step = n;
                }
            }
            weight = weight * adjacent.get(at).get(step);
            concepts.add(new ConceptId(step));
            at = step;
        }
        return Optional.of(new ConceptPath(concepts, weight));
    }

    @Override
    public List<ConceptId> communityMembers(UserId userId, CommunityId communityId) {
        if (tables.table(MemoryTables.COMMUNITIES).get(userId.value(), communityId.value()) == null) {
            throw new NotFoundException("community", communityId);
        }
        return concepts(userId).stream().filter(c -> communityId.equals(c.communityId())).map(Concept::id).toList();
    }

    @Override
    public List<Mentioned> mentionedConcepts(UserId userId, MemoryUnitId memoryUnitId) {
        if (tables.table(MemoryTables.MEMORY_UNITS).get(userId.value(), memoryUnitId.value()) == null) {
            throw new NotFoundException("memory unit", memoryUnitId);
        }
        return tables.table(MemoryTables.MENTIONS).rows().stream()
                .filter(m -> m.userId().equals(userId) && m.memoryUnitId().equals(memoryUnitId))
                .map(m -> new Mentioned(m.conceptId(), m.weight()))
                .sorted(Comparator.comparingDouble(Mentioned::weight).reversed()
                        .thenComparing(m -> m.conceptId().value(), Ids.ORDER))
                .toList();
    }

    @Override
    public ArtifactSources derivedFrom(UserId userId, DerivedArtifactId artifactId) {
        DerivedArtifact artifact = tables.table(MemoryTables.DERIVED_ARTIFACTS).get(userId.value(), artifactId.value());
        if (artifact == null) {
            throw new NotFoundException("artifact", artifactId);
        }
        return new ArtifactSources(Optional.ofNullable(artifact.sourceMemoryUnitId()),
                Optional.ofNullable(artifact.sourceConceptId()));
    }

    @Override
    public ConceptId resolve(UserId userId, ConceptId conceptId) {
        return new MemConceptRepository(tables, now).resolve(userId, conceptId).id();
    }

    @Override
    public GraphSnapshot subgraph(UserId userId) {
        List<Node> nodes = new ArrayList<>();
        for (MemoryUnit m : tables.table(MemoryTables.MEMORY_UNITS).rows()) {
            if (m.userId().equals(userId)) {
                nodes.add(new Node(NodeType.MemoryUnit, m.id().value(), m.title()));
            }
        }
        for (Concept c : concepts(userId)) {
            nodes.add(new Node(NodeType.Concept, c.id().value(), c.name()));
        }
        for (DerivedArtifact a : tables.table(MemoryTables.DERIVED_ARTIFACTS).rows()) {
            if (a.userId().equals(userId)) {
                nodes.add(new Node(NodeType.DerivedArtifact, a.id().value(), a.title()));
            }
        }
        for (Community c : tables.table(MemoryTables.COMMUNITIES).rows()) {
            if (c.userId().equals(userId)) {
                nodes.add(new Node(NodeType.Community, c.id().value(), c.name()));
            }
        }
        List<Edge> edges = new ArrayList<>();
        for (Mention m : tables.table(MemoryTables.MENTIONS).rows()) {
            if (m.userId().equals(userId)) {
                edges.add(new Edge(EdgeType.MENTIONS, m.memoryUnitId().value(), m.conceptId().value(), m.weight()));
            }
        }
        for (ConceptRelation r : tables.table(MemoryTables.CONCEPT_RELATIONS).rows()) {
            if (r.userId().equals(userId)) {
                edges.add(new Edge(EdgeType.RELATED_TO, r.fromConceptId().value(), r.toConceptId().value(), r.weight()));
            }
        }
        for (Concept c : concepts(userId)) {
            if (c.communityId() != null) {
                edges.add(new Edge(EdgeType.MEMBER_OF, c.id().value(), c.communityId().value(), 1));
            }
            if (c.mergedIntoConceptId() != null) {
                edges.add(new Edge(EdgeType.MERGED_INTO, c.id().value(), c.mergedIntoConceptId().value(), 1));
            }
        }
        for (DerivedArtifact a : tables.table(MemoryTables.DERIVED_ARTIFACTS).rows()) {
            if (a.userId().equals(userId)) {
                if (a.sourceMemoryUnitId() != null) {
                    edges.add(new Edge(EdgeType.DERIVED_FROM, a.id().value(), a.sourceMemoryUnitId().value(), 1));
                }
                if (a.sourceConceptId() != null) {
                    edges.add(new Edge(EdgeType.DERIVED_FROM, a.id().value(), a.sourceConceptId().value(), 1));
                }
            }
        }
        return GraphSnapshot.of(nodes, edges);
    }

    private void requireConcept(UserId userId, ConceptId conceptId) {
        if (tables.table(MemoryTables.CONCEPTS).get(userId.value(), conceptId.value()) == null) {
            throw new NotFoundException("concept", conceptId);
        }
    }

    /** The user's concepts in id order. */
    private List<Concept> concepts(UserId userId) {
        return tables.table(MemoryTables.CONCEPTS).rows().stream().filter(c -> c.userId().equals(userId)).toList();
    }

    /**
     * The user's RELATED_TO edges followed in either direction: for each concept, its neighbours in id
     * order with the largest weight of the edges joining them.
     */
    private Map<UUID, Map<UUID, Double>> adjacency(UserId userId) {
        Map<UUID, Map<UUID, Double>> adjacent = new HashMap<>();
        for (ConceptRelation r : tables.table(MemoryTables.CONCEPT_RELATIONS).rows()) {
            if (r.userId().equals(userId)) {
                UUID a = r.fromConceptId().value();
                UUID b = r.toConceptId().value();
                adjacent.computeIfAbsent(a, k -> new TreeMap<>(Ids.ORDER)).merge(b, r.weight(), Math::max);
                adjacent.computeIfAbsent(b, k -> new TreeMap<>(Ids.ORDER)).merge(a, r.weight(), Math::max);
            }
        }
        return adjacent;
    }
}
