package io.plinth.memory;

import io.plinth.core.CrudRepository;
import io.plinth.tenancy.UserId;

/** A user's {@link ConceptRelation concept relations}, the RELATED_TO edges of their knowledge graph. */
public interface ConceptRelationRepository
        extends CrudRepository<UserId, ConceptRelationId, NewConceptRelation, ConceptRelation> {
}
