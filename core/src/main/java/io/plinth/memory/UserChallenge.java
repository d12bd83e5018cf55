package io.plinth.memory;

import io.plinth.core.Check;
import io.plinth.core.Json;
import io.plinth.tenancy.UserId;
import java.time.Instant;

/**
 * A challenge a user took up (seed 004's {@code user_challenges}).
 *
 * <p>{@code status} is free text (1 to 500 characters, no CHECK in the database): the seed gives only
 * the default {@code active} and no list of values, and Prisma clients generated from it may write
 * any string. A new challenge is {@code active}; {@link UserChallengeRepository#complete} writes
 * {@code completed} and the {@code completionTime}.
 *
 * @param version optimistic-lock version; an update must carry the version it read
 */
public record UserChallenge(UserChallengeId id, UserId userId, String challengeTemplateId, String status,
                            Instant startTime, Instant completionTime, Json progressData, long version) {
    public UserChallenge {
        Check.required("id", id);
        Check.required("userId", userId);
        Check.text("challengeTemplateId", challengeTemplateId, 500);
        Check.text("status", status, 500);
        Check.required("startTime", startTime);
        completionTime = Check.instant("completionTime", completionTime);
        progressData = Json.absentIfNull(progressData);
        Check.version(version);
    }

    /** The same challenge with another {@code status}. */
    public UserChallenge withStatus(String changed) {
        return new UserChallenge(id, userId, challengeTemplateId, changed, startTime, completionTime, progressData,
                version);
    }

    /** The same challenge with another {@code completionTime}. */
    public UserChallenge withCompletionTime(Instant changed) {
        return new UserChallenge(id, userId, challengeTemplateId, status, startTime, changed, progressData, version);
    }

    /** The same challenge with another {@code progressData}. */
    public UserChallenge withProgressData(Json changed) {
        return new UserChallenge(id, userId, challengeTemplateId, status, startTime, completionTime, changed,
                version);
    }
}
