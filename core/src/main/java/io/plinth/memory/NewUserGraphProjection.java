package io.plinth.memory;

import io.plinth.core.Check;
import io.plinth.core.Json;
import io.plinth.tenancy.UserId;

/** What it takes to create a {@link UserGraphProjection}; the store assigns the id, the times. */
public record NewUserGraphProjection(UserId userId, Json projectionData) {
    public NewUserGraphProjection {
        Check.required("userId", userId);
        projectionData = Check.required("projectionData", Json.absentIfNull(projectionData));
    }
}
