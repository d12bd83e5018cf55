package io.plinth.memory;

import io.plinth.core.CrudRepository;
import io.plinth.tenancy.UserId;

/**
 * A user's {@link DerivedArtifact} rows. Its sources are a memory unit and a concept of the same user
 * ({@link io.plinth.core.InvalidInputException} on {@code sourceMemoryUnitId} or
 * {@code sourceConceptId} otherwise); deleting a source clears the reference and keeps the artifact.
 */
public interface DerivedArtifactRepository extends CrudRepository<UserId, DerivedArtifactId, NewDerivedArtifact, DerivedArtifact> {
}
