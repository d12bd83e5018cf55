package io.plinth.memory;

import io.plinth.core.AppendRepository;
import io.plinth.tenancy.UserId;

/** A user's {@link UserGraphProjection} rows, append-only. */
public interface UserGraphProjectionRepository extends AppendRepository<UserId, GraphProjectionId, NewUserGraphProjection, UserGraphProjection> {
}
