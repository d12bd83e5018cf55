package io.plinth.memory;

import io.plinth.core.Check;
import io.plinth.tenancy.UserId;

/**
 * What it takes to relate one concept to another ({@link ConceptRelation}).
 *
 * @param weight     in (0, 1]
 * @param provenance required, at most {@value ConceptRelation#MAX_PROVENANCE} characters
 */
public record NewConceptRelation(UserId userId, ConceptId fromConceptId, ConceptId toConceptId, double weight,
                                 String provenance) {
    public NewConceptRelation {
        Check.required("userId", userId);
        ConceptRelation.validate(fromConceptId, toConceptId, weight, provenance);
    }
}
