package io.plinth.postgres.memory;

import io.plinth.core.table.Column;
import io.plinth.memory.MemoryTables;
import io.plinth.memory.NewUserChallenge;
import io.plinth.memory.UserChallenge;
import io.plinth.memory.UserChallengeId;
import io.plinth.memory.UserChallengeRepository;
import io.plinth.postgres.PgCrudRepository;
import io.plinth.tenancy.UserId;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import io.plinth.postgres.PgSession;
import org.jdbi.v3.core.Handle;

/**
 * {@link UserChallengeRepository} on table {@code user_challenges}. Completing is one conditional
 * UPDATE: under READ COMMITTED a concurrent completion waits for the row, then finds it completed
 * and changes nothing, so a challenge is completed once.
 */
public final class PgUserChallengeRepository
        extends PgCrudRepository<UserId, UserChallengeId, NewUserChallenge, UserChallenge>
        implements UserChallengeRepository {
    private static final String COMPLETE = "UPDATE user_challenges SET status = '" + COMPLETED + "',"
            + " completion_time = :now, version = version + 1"
            + " WHERE user_challenge_id = :id AND user_id = :user AND status <> '" + COMPLETED + "' RETURNING "
            + MemoryTables.USER_CHALLENGES.columns().stream().map(Column::name).collect(Collectors.joining(", "));

    public PgUserChallengeRepository(PgSession session, Supplier<Instant> now) {
        super(session, MemoryTables.USER_CHALLENGES, now);
    }

    @Override
    public UserChallenge complete(UserId userId, UserChallengeId userChallengeId) {
        Optional<UserChallenge> completed = handle().createQuery(COMPLETE).bind("now", now.get())
                .bind("id", userChallengeId.value()).bind("user", userId.value()).map(sql.mapper()).findOne();
        return completed.orElseGet(() -> get(userId, userChallengeId));
    }
}
