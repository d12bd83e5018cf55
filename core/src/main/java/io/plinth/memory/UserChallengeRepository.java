package io.plinth.memory;

import io.plinth.core.CrudRepository;
import io.plinth.tenancy.UserId;

/** A user's {@link UserChallenge} rows. */
public interface UserChallengeRepository extends CrudRepository<UserId, UserChallengeId, NewUserChallenge, UserChallenge> {
}
