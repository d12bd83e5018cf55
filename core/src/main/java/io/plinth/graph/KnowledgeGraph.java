package io.plinth.graph;

import io.plinth.core.NotFoundException;
import io.plinth.core.ReadOnly;
import io.plinth.memory.CommunityId;
import io.plinth.memory.ConceptId;
import io.plinth.memory.DerivedArtifactId;
import io.plinth.memory.MemoryUnitId;
import io.plinth.tenancy.UserId;
import java.util.List;
import java.util.Optional;

/**
 * The relationship questions of a user's knowledge graph (seed 004 Part 2), the same answer from
 * every store. Every question is scoped by the user: a node of another user is not found
 * ({@link NotFoundException}), exactly as a node that does not exist.
 *
 * <h2>The graph</h2>
 * Nodes: the user's concepts, memory units, derived artifacts and communities. Edges:
 * <ul>
 *   <li>{@link EdgeType#MENTIONS}: a memory unit mentions a concept, with a weight ({@code concept_mentions});</li>
 *   <li>{@link EdgeType#RELATED_TO}: a concept is related to another, with a weight and a provenance,
 *       directed from → to ({@code concept_relations});</li>
 *   <li>{@link EdgeType#MEMBER_OF}: a concept is a member of its community ({@code concepts.community_id});</li>
 *   <li>{@link EdgeType#MERGED_INTO}: a merged concept points at the concept it was merged into
 *       ({@code concepts.merged_into_concept_id});</li>
 *   <li>{@link EdgeType#DERIVED_FROM}: an artifact derives from a memory unit and/or a concept
 *       ({@code derived_artifacts.source_memory_unit_id}, {@code source_concept_id}).</li>
 * </ul>
 * Weights lie in (0, 1]. Concepts of any status are nodes; merging a concept keeps its edges.
 *
 * <h2>Order and ties</h2>
 * Wherever ids are ordered, they are ordered by their canonical text (lowercase hex, which is also
 * PostgreSQL's order of {@code uuid} values), never by {@link java.util.UUID#compareTo}. Path weights
 * are products of edge weights multiplied from the start of the path, so every store computes the
 * same {@code double}.
 *
 * <p>Implementations are thread-safe. Every call only reads.
 */
public interface KnowledgeGraph {
    /** The deepest {@link #neighbourhood} asked for. */
    int MAX_DEPTH = 3;
    /** The most neighbours one {@link #neighbourhood} call returns. */
    int MAX_LIMIT = 1_000;
    /** The longest path, in edges, {@link #shortestPath} looks for. */
    int MAX_PATH_EDGES = 6;

    /**
     * The concepts within {@code depth} RELATED_TO edges of a concept, followed in either direction,
     * ranked by path weight. A neighbour's {@link Neighbour#weight() weight} is the largest product of
     * edge weights over the paths of at most {@code depth} edges from the start to it, its
     * {@link Neighbour#distance() distance} the fewest edges on such a path. The start itself is
     * never a neighbour. Ordered by weight (highest first), then distance (nearest first), then id;
     * the first {@code limit}.
     *
     * @param depth 1 to {@value #MAX_DEPTH}
     * @param limit 1 to {@value #MAX_LIMIT}
     * @throws NotFoundException when the concept is not the user's
     * @throws io.plinth.core.InvalidInputException naming {@code depth} or {@code limit} out of range
     */
    @ReadOnly
    List<Neighbour> neighbourhood(UserId userId, ConceptId conceptId, int depth, int limit);

    /**
     * The shortest chain of RELATED_TO edges (either direction) between two of the user's concepts:
     * fewest edges, at most {@value #MAX_PATH_EDGES}; among equally short chains, the one whose list
     * of concept ids is first in order (compared id by id). From a concept to itself, the chain of
     * that one concept (weight 1). Empty when no chain of at most {@value #MAX_PATH_EDGES} edges joins them.
     *
     * @throws NotFoundException when either concept is not the user's ({@code from} checked first)
     */
    @ReadOnly
    Optional<ConceptPath> shortestPath(UserId userId, ConceptId from, ConceptId to);

    /**
     * The concepts that are members of a community, ordered by id.
     *
     * @throws NotFoundException when the community is not the user's
     */
    @ReadOnly
    List<ConceptId> communityMembers(UserId userId, CommunityId communityId);

    /**
     * The concepts a memory unit mentions, with their weights: highest weight first, then by id.
     *
     * @throws NotFoundException when the memory unit is not the user's
     */
    @ReadOnly
    List<Mentioned> mentionedConcepts(UserId userId, MemoryUnitId memoryUnitId);

    /**
     * What an artifact derives from.
     *
     * @throws NotFoundException when the artifact is not the user's
     */
    @ReadOnly
    ArtifactSources derivedFrom(UserId userId, DerivedArtifactId artifactId);

    /**
     * The live end of a concept's merge chain: the concept itself when it was never merged, else
     * the end of the MERGED_INTO chain from it.
     *
     * @throws NotFoundException when the concept is not the user's
     */
    @ReadOnly
    ConceptId resolve(UserId userId, ConceptId conceptId);

    /**
     * The user's whole graph: every node and edge, ordered ({@link GraphSnapshot}). An unknown user
     * has an empty graph.
     */
    @ReadOnly
    GraphSnapshot subgraph(UserId userId);
}
