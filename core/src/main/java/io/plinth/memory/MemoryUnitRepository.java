package io.plinth.memory;

import io.plinth.core.CrudRepository;
import io.plinth.tenancy.UserId;

/** A user's {@link MemoryUnit} rows. */
public interface MemoryUnitRepository extends CrudRepository<UserId, MemoryUnitId, NewMemoryUnit, MemoryUnit> {
}
