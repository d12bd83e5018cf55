package io.plinth.memory;

import io.plinth.core.CrudRepository;
import io.plinth.tenancy.UserId;

/** A user's {@link DerivedArtifact} rows. */
public interface DerivedArtifactRepository extends CrudRepository<UserId, DerivedArtifactId, NewDerivedArtifact, DerivedArtifact> {
}
