package io.plinth.memory;

import io.plinth.core.Check;
import io.plinth.core.Json;
import io.plinth.tenancy.UserId;
import java.time.Instant;

/** What it takes to create a {@link UserChallenge}; the store assigns the id, the times and version 0. */
public record NewUserChallenge(UserId userId, String challengeTemplateId, Instant completionTime, Json progressData) {
    public NewUserChallenge {
        Check.required("userId", userId);
        Check.text("challengeTemplateId", challengeTemplateId, 500);
        completionTime = Check.instant("completionTime", completionTime);
        progressData = Json.absentIfNull(progressData);
    }
}
