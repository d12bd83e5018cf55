package io.plinth.memory;

import io.plinth.core.Check;
import io.plinth.core.Json;
import io.plinth.tenancy.UserId;
import java.time.Instant;

/**
 * A projection of a user's whole knowledge graph for the seed's "3D cosmos" (seed 004's {@code
 * user_graph_projections}); the latest one is served first.
 *
 */
public record UserGraphProjection(GraphProjectionId id, UserId userId, String status, Json projectionData,
                                  Instant createdAt) {
    public UserGraphProjection {
        Check.required("id", id);
        Check.required("userId", userId);
        Check.text("status", status, 500);
        projectionData = Check.required("projectionData", Json.absentIfNull(projectionData));
        Check.required("createdAt", createdAt);
    }

    /** The same graph projection with another {@code status}. */
    public UserGraphProjection withStatus(String changed) {
        return new UserGraphProjection(id, userId, changed, projectionData, createdAt);
    }
}
