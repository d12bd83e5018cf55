package io.plinth.memory;

import io.plinth.core.Check;
import io.plinth.core.Json;
import io.plinth.tenancy.UserId;

/** What it takes to create a {@link DerivedArtifact}; the store assigns the id, the times and version 0. */
public record NewDerivedArtifact(UserId userId, ArtifactType artifactType, String title, String contentNarrative,
                                 Json contentData, MemoryUnitId sourceMemoryUnitId, ConceptId sourceConceptId) {
    public NewDerivedArtifact {
        Check.required("userId", userId);
        Check.required("artifactType", artifactType);
        Check.text("title", title, 500);
        Check.optionalText("contentNarrative", contentNarrative, 100000);
        contentData = Json.absentIfNull(contentData);
    }
}
