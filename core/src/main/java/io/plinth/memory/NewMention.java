package io.plinth.memory;

import io.plinth.core.Check;
import io.plinth.tenancy.UserId;

/**
 * What it takes to record that a memory unit mentions a concept ({@link Mention}).
 *
 * @param weight in (0, 1]
 */
public record NewMention(UserId userId, MemoryUnitId memoryUnitId, ConceptId conceptId, double weight) {
    public NewMention {
        Check.required("userId", userId);
        Check.required("memoryUnitId", memoryUnitId);
        Check.required("conceptId", conceptId);
        Mention.weight(weight);
    }
}
