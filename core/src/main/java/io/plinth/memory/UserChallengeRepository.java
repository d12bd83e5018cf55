package io.plinth.memory;

import io.plinth.core.CrudRepository;
import io.plinth.tenancy.UserId;

/**
 * A user's {@link UserChallenge} rows. A new challenge is {@code active} (the seed's default); its
 * status is otherwise free text (see {@link UserChallenge}), except that {@link #complete} writes
 * {@value #COMPLETED}.
 */
public interface UserChallengeRepository extends CrudRepository<UserId, UserChallengeId, NewUserChallenge, UserChallenge> {
    /** The status of a new challenge (the seed's default). */
    String ACTIVE = "active";
    /** The status {@link #complete} writes. */
    String COMPLETED = "completed";

    /**
     * Completes the challenge: status {@value #COMPLETED}, {@code completionTime} the store's time,
     * the next version. A challenge already {@value #COMPLETED} is returned as it is (its first
     * completion time kept, no new version), so completing twice — or from two threads at once — is
     * the same as completing once.
     *
     * @throws io.plinth.core.NotFoundException when the user has no such challenge
     */
    UserChallenge complete(UserId userId, UserChallengeId userChallengeId);
}
