package io.plinth.memory;

import io.plinth.core.CrudRepository;
import io.plinth.tenancy.UserId;

/** A user's {@link Community communities}; deleting one clears the community of its concepts. */
public interface CommunityRepository extends CrudRepository<UserId, CommunityId, NewCommunity, Community> {
}
