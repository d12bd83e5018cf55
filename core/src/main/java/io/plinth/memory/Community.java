package io.plinth.memory;

import io.plinth.core.Check;
import io.plinth.tenancy.UserId;
import java.time.Instant;

/**
 * A community of a user's concepts found by graph analysis (seed 004's {@code communities}).
 * Concepts join it through {@code Concept.communityId}; deleting it clears that link.
 *
 * @param lastAnalyzedTs set by the store on every update (the seed's {@code @updatedAt})
 * @param version        optimistic-lock version; an update must carry the version it read
 */
public record Community(CommunityId id, UserId userId, String name, String description, Instant createdAt,
                        Instant lastAnalyzedTs, long version) {
    /** Longest accepted name. */
    public static final int MAX_NAME = 500;
    /** Longest accepted description. */
    public static final int MAX_DESCRIPTION = 10_000;

    public Community {
        Check.required("id", id);
        Check.required("userId", userId);
        validate(name, description);
        Check.required("createdAt", createdAt);
        Check.version(version);
    }

    static void validate(String name, String description) {
        Check.text("name", name, MAX_NAME);
        Check.optionalText("description", description, MAX_DESCRIPTION);
    }

    public Community withName(String newName) {
        return new Community(id, userId, newName, description, createdAt, lastAnalyzedTs, version);
    }

    public Community withDescription(String newDescription) {
        return new Community(id, userId, name, newDescription, createdAt, lastAnalyzedTs, version);
    }
}
