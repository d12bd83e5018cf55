package io.plinth.memory;

import io.plinth.core.Check;
import io.plinth.core.Json;
import io.plinth.tenancy.UserId;
import java.time.Instant;

/**
 * An artifact derived from a user's memory units or concepts (seed 004's {@code derived_artifacts}):
 * an insight summary, a cycle report, a trophy.
 *
 * @param version optimistic-lock version; an update must carry the version it read
 */
public record DerivedArtifact(DerivedArtifactId id, UserId userId, ArtifactType artifactType, String title,
                              String contentNarrative, Json contentData, MemoryUnitId sourceMemoryUnitId,
                              ConceptId sourceConceptId, Instant createdAt, long version) {
    public DerivedArtifact {
        Check.required("id", id);
        Check.required("userId", userId);
        Check.required("artifactType", artifactType);
        Check.text("title", title, 500);
        Check.optionalText("contentNarrative", contentNarrative, 100000);
        contentData = Json.absentIfNull(contentData);
        Check.required("createdAt", createdAt);
        Check.version(version);
    }

    /** The same artifact with another {@code title}. */
    public DerivedArtifact withTitle(String changed) {
        return new DerivedArtifact(id, userId, artifactType, changed, contentNarrative, contentData,
                sourceMemoryUnitId, sourceConceptId, createdAt, version);
    }

    /** The same artifact with another {@code contentNarrative}. */
    public DerivedArtifact withContentNarrative(String changed) {
        return new DerivedArtifact(id, userId, artifactType, title, changed, contentData, sourceMemoryUnitId,
                sourceConceptId, createdAt, version);
    }

    /** The same artifact with another {@code contentData}. */
    public DerivedArtifact withContentData(Json changed) {
        return new DerivedArtifact(id, userId, artifactType, title, contentNarrative, changed, sourceMemoryUnitId,
                sourceConceptId, createdAt, version);
    }

    /** The same artifact with another {@code sourceMemoryUnitId}. */
    public DerivedArtifact withSourceMemoryUnitId(MemoryUnitId changed) {
        return new DerivedArtifact(id, userId, artifactType, title, contentNarrative, contentData, changed,
                sourceConceptId, createdAt, version);
    }

    /** The same artifact with another {@code sourceConceptId}. */
    public DerivedArtifact withSourceConceptId(ConceptId changed) {
        return new DerivedArtifact(id, userId, artifactType, title, contentNarrative, contentData,
                sourceMemoryUnitId, changed, createdAt, version);
    }
}
