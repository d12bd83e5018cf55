package io.plinth.memory;

import io.plinth.core.Check;
import io.plinth.core.InvalidInputException;
import io.plinth.tenancy.UserId;
import java.time.Instant;

/**
 * A concept is related to another, with a weight and a provenance: the knowledge graph's RELATED_TO
 * edge ({@code concept_relations}, a Plinth table beside seed 004's), directed from → to. Both
 * concepts belong to the relation's user and differ; deleting either deletes the relation. One
 * relation per ordered pair (the reverse pair may hold a relation of its own).
 *
 * @param weight     in (0, 1]; an update may change it
 * @param provenance where the relation comes from (say {@code "llm"}, {@code "co-occurrence"},
 *                   {@code "user"}), at most {@value #MAX_PROVENANCE} characters; an update may change it
 * @param updatedAt  set by the store on every update
 * @param version    optimistic-lock version; an update must carry the version it read
 */
public record ConceptRelation(ConceptRelationId id, UserId userId, ConceptId fromConceptId, ConceptId toConceptId,
                              double weight, String provenance, Instant createdAt, Instant updatedAt, long version) {
    /** Longest accepted provenance. */
    public static final int MAX_PROVENANCE = 200;

    public ConceptRelation {
        Check.required("id", id);
        Check.required("userId", userId);
        validate(fromConceptId, toConceptId, weight, provenance);
        Check.required("createdAt", createdAt);
        Check.required("updatedAt", updatedAt);
        Check.version(version);
    }

    static void validate(ConceptId from, ConceptId to, double weight, String provenance) {
        Check.required("fromConceptId", from);
        Check.required("toConceptId", to);
        if (from.equals(to)) {
            throw new InvalidInputException("toConceptId", "must differ from fromConceptId");
        }
        Mention.weight(weight);
        Check.text("provenance", provenance, MAX_PROVENANCE);
    }

    /** The same relation with another {@code weight}. */
    public ConceptRelation withWeight(double changed) {
        return new ConceptRelation(id, userId, fromConceptId, toConceptId, changed, provenance, createdAt, updatedAt,
                version);
    }

    /** The same relation with another {@code provenance}. */
    public ConceptRelation withProvenance(String changed) {
        return new ConceptRelation(id, userId, fromConceptId, toConceptId, weight, changed, createdAt, updatedAt,
                version);
    }
}
