package io.plinth.memory;

import io.plinth.core.CrudRepository;
import io.plinth.tenancy.UserId;

/** A user's {@link Concept} rows. */
public interface ConceptRepository extends CrudRepository<UserId, ConceptId, NewConcept, Concept> {
}
