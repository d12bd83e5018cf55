package io.plinth.graph;

import io.plinth.core.Check;
import io.plinth.memory.ConceptId;
import java.util.List;

/**
 * A chain of RELATED_TO edges from its first concept to its last ({@link KnowledgeGraph#shortestPath}).
 *
 * @param concepts the concepts along the chain, first to last (one concept for a chain to itself)
 * @param weight   the product of the edge weights along the chain, from the first; 1 for one concept
 */
public record ConceptPath(List<ConceptId> concepts, double weight) {
    public ConceptPath {
        concepts = List.copyOf(Check.required("concepts", concepts));
        if (concepts.isEmpty()) {
            throw new io.plinth.core.InvalidInputException("concepts", "must not be empty");
        }
    }

    /** The number of edges on the chain. */
    public int edges() {
        return concepts.size() - 1;
    }
}
