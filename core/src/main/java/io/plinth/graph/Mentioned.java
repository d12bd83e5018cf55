package io.plinth.graph;

import io.plinth.core.Check;
import io.plinth.memory.ConceptId;

/** A concept a memory unit mentions, with the mention's weight ({@link KnowledgeGraph#mentionedConcepts}). */
public record Mentioned(ConceptId conceptId, double weight) {
    public Mentioned {
        Check.required("conceptId", conceptId);
    }
}
