package io.plinth.memory;

import io.plinth.core.Check;
import io.plinth.tenancy.UserId;
import java.time.Instant;

/**
 * A concept of a user's knowledge graph (seed 004's {@code concepts}), unique per user, name and type.
 * A merged concept points at the concept it was merged into (see {@link ConceptRepository#merge}).
 *
 * @param version optimistic-lock version; an update must carry the version it read
 */
public record Concept(ConceptId id, UserId userId, String name, String type, String description,
                      ConceptStatus status, Double salience, Instant createdAt, Instant lastUpdatedTs,
                      CommunityId communityId, ConceptId mergedIntoConceptId, long version) {
    public Concept {
        Check.required("id", id);
        Check.required("userId", userId);
        Check.text("name", name, 500);
        Check.text("type", type, 500);
        Check.optionalText("description", description, 100000);
        Check.required("status", status);
        Check.finite("salience", salience);
        Check.required("createdAt", createdAt);
        Check.version(version);
    }

    /** The same concept with another {@code name}. */
    public Concept withName(String changed) {
        return new Concept(id, userId, changed, type, description, status, salience, createdAt, lastUpdatedTs,
                communityId, mergedIntoConceptId, version);
    }

    /** The same concept with another {@code type}. */
    public Concept withType(String changed) {
        return new Concept(id, userId, name, changed, description, status, salience, createdAt, lastUpdatedTs,
                communityId, mergedIntoConceptId, version);
    }

    /** The same concept with another {@code description}. */
    public Concept withDescription(String changed) {
        return new Concept(id, userId, name, type, changed, status, salience, createdAt, lastUpdatedTs,
                communityId, mergedIntoConceptId, version);
    }

    /** The same concept with another {@code salience}. */
    public Concept withSalience(Double changed) {
        return new Concept(id, userId, name, type, description, status, changed, createdAt, lastUpdatedTs,
                communityId, mergedIntoConceptId, version);
    }

    /** The same concept with another {@code communityId}. */
    public Concept withCommunityId(CommunityId changed) {
        return new Concept(id, userId, name, type, description, status, salience, createdAt, lastUpdatedTs,
                changed, mergedIntoConceptId, version);
    }
}
