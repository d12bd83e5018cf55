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

    /**
     * A builder of a {@code NewDerivedArtifact}: each component is set by its name, so that two values of one
     * type cannot change places unnoticed.
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Sets the components of a {@link NewDerivedArtifact} by name. A component not set is null, false or 0;
     * {@link #build()} validates as the canonical constructor does. Not thread-safe; one builder may
     * build several records.
     */
    public static final class Builder {
        private UserId userId;
        private ArtifactType artifactType;
        private String title;
        private String contentNarrative;
        private Json contentData;
        private MemoryUnitId sourceMemoryUnitId;
        private ConceptId sourceConceptId;

        private Builder() {
        }

        /** Sets {@link NewDerivedArtifact#userId()}. */
        public Builder userId(UserId userId) {
            this.userId = userId;
            return this;
        }

        /** Sets {@link NewDerivedArtifact#artifactType()}. */
        public Builder artifactType(ArtifactType artifactType) {
            this.artifactType = artifactType;
            return this;
        }

        /** Sets {@link NewDerivedArtifact#title()}. */
        public Builder title(String title) {
            this.title = title;
            return this;
        }

        /** Sets {@link NewDerivedArtifact#contentNarrative()}. */
        public Builder contentNarrative(String contentNarrative) {
            this.contentNarrative = contentNarrative;
            return this;
        }

        /** Sets {@link NewDerivedArtifact#contentData()}. */
        public Builder contentData(Json contentData) {
            this.contentData = contentData;
            return this;
        }

        /** Sets {@link NewDerivedArtifact#sourceMemoryUnitId()}. */
        public Builder sourceMemoryUnitId(MemoryUnitId sourceMemoryUnitId) {
            this.sourceMemoryUnitId = sourceMemoryUnitId;
            return this;
        }

        /** Sets {@link NewDerivedArtifact#sourceConceptId()}. */
        public Builder sourceConceptId(ConceptId sourceConceptId) {
            this.sourceConceptId = sourceConceptId;
            return this;
        }

        /**
         * The {@code NewDerivedArtifact} of the components set.
         *
         * @throws io.plinth.core.InvalidInputException naming the component that breaks a rule
         */
        public NewDerivedArtifact build() {
            return new NewDerivedArtifact(userId, artifactType, title, contentNarrative, contentData,
                    sourceMemoryUnitId, sourceConceptId);
        }
    }
}
