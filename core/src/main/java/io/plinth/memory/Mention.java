package io.plinth.memory;

import io.plinth.core.Check;
import io.plinth.core.InvalidInputException;
import io.plinth.tenancy.UserId;
import java.time.Instant;

/**
 * A memory unit mentions a concept, with a weight: the knowledge graph's MENTIONS edge
 * ({@code concept_mentions}, a Plinth table beside seed 004's). Both ends belong to the mention's
 * user; deleting either deletes the mention. One mention per memory unit and concept.
 *
 * @param weight  in (0, 1]; an update may change it
 * @param updatedAt set by the store on every update
 * @param version optimistic-lock version; an update must carry the version it read
 */
public record Mention(MentionId id, UserId userId, MemoryUnitId memoryUnitId, ConceptId conceptId, double weight,
                      Instant createdAt, Instant updatedAt, long version) {
    public Mention {
        Check.required("id", id);
        Check.required("userId", userId);
        Check.required("memoryUnitId", memoryUnitId);
        Check.required("conceptId", conceptId);
        weight(weight);
        Check.required("createdAt", createdAt);
        Check.required("updatedAt", updatedAt);
        Check.version(version);
    }

    /** The rule of every edge weight: a number greater than 0 and at most 1. */
    static double weight(double weight) {
        if (!(weight > 0 && weight <= 1)) {
            throw new InvalidInputException("weight", "must be a number greater than 0 and at most 1");
        }
        return weight;
    }

    /** The same mention with another {@code weight}. */
    public Mention withWeight(double changed) {
        return new Mention(id, userId, memoryUnitId, conceptId, changed, createdAt, updatedAt, version);
    }
}
