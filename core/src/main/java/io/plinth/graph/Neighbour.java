package io.plinth.graph;

import io.plinth.core.Check;
import io.plinth.memory.ConceptId;

/**
 * A concept in a {@link KnowledgeGraph#neighbourhood neighbourhood}.
 *
 * @param weight   the largest product of edge weights over the paths to it, in (0, 1]
 * @param distance the fewest edges on a path to it, 1 to {@value KnowledgeGraph#MAX_DEPTH}
 */
public record Neighbour(ConceptId conceptId, double weight, int distance) {
    public Neighbour {
        Check.required("conceptId", conceptId);
        Check.range("distance", distance, 1, KnowledgeGraph.MAX_DEPTH);
    }
}
