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

    /**
     * Most bytes {@code name} and {@code type} may take together in UTF-8: PostgreSQL's unique index
     * on {@code (user_id, name, type)} holds both in one btree entry, which may not exceed 2704 bytes,
     * so a wider pair (500 characters each outside ASCII) would fail there with no typed error.
     * Every store refuses it alike.
     */
    public static final int MAX_KEY_BYTES = 2600;

    /**
     * Checks that a concept's {@code name} and {@code type} fit the unique index together; a
     * {@link io.plinth.core.InvalidInputException} on {@code type} otherwise. {@link NewConcept} checks it
     * when it is made, the stores before an update writes.
     */
    public static void checkKey(String name, String type) {
        if (name != null && type != null && utf8Length(name) + utf8Length(type) > MAX_KEY_BYTES) {
            throw new io.plinth.core.InvalidInputException("type", "must fit with name in " + MAX_KEY_BYTES
                    + " bytes of UTF-8 (the unique index of a user's concepts holds both)");
        }
    }

    private static int utf8Length(String text) {
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
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
