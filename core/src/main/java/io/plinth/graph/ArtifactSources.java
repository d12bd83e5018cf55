package io.plinth.graph;

import io.plinth.memory.ConceptId;
import io.plinth.memory.MemoryUnitId;
import java.util.Optional;

/** What a derived artifact derives from ({@link KnowledgeGraph#derivedFrom}); either, both or neither. */
public record ArtifactSources(Optional<MemoryUnitId> memoryUnitId, Optional<ConceptId> conceptId) {
    public ArtifactSources {
        memoryUnitId = memoryUnitId == null ? Optional.empty() : memoryUnitId;
        conceptId = conceptId == null ? Optional.empty() : conceptId;
    }
}
