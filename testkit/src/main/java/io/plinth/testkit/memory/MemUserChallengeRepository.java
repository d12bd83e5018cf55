package io.plinth.testkit.memory;

import io.plinth.memory.MemoryTables;
import io.plinth.memory.NewUserChallenge;
import io.plinth.memory.UserChallenge;
import io.plinth.memory.UserChallengeId;
import io.plinth.memory.UserChallengeRepository;
import io.plinth.tenancy.UserId;
import io.plinth.testkit.MemCrudRepository;
import io.plinth.testkit.Tables;
import java.time.Instant;
import java.util.function.Supplier;

/** In-memory {@link UserChallengeRepository}. Internal to the test kit. */
public final class MemUserChallengeRepository
        extends MemCrudRepository<UserId, UserChallengeId, NewUserChallenge, UserChallenge>
        implements UserChallengeRepository {

    public MemUserChallengeRepository(Tables tables, Supplier<Instant> now) {
        super(tables, MemoryTables.USER_CHALLENGES, now);
    }

    @Override
    public UserChallenge complete(UserId userId, UserChallengeId userChallengeId) {
        UserChallenge stored = get(userId, userChallengeId);
        if (COMPLETED.equals(stored.status())) {
            return stored;
        }
        UserChallenge completed = new UserChallenge(stored.id(), stored.userId(), stored.challengeTemplateId(),
                COMPLETED, stored.startTime(), now.get(), stored.progressData(), stored.version() + 1);
        rows.replace(stored, completed);
        return completed;
    }
}
