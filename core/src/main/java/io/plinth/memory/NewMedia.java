package io.plinth.memory;

import io.plinth.core.Check;
import io.plinth.core.Json;
import io.plinth.tenancy.UserId;

/** What it takes to create a {@link Media}; the store assigns the id, the times and version 0. */
public record NewMedia(UserId userId, MemoryUnitId memoryUnitId, MediaType type, String storageUrl,
                       String filename, String mimeType, Integer sizeBytes, String hash, Json metadata) {
    public NewMedia {
        Check.required("userId", userId);
        Check.required("type", type);
        Check.text("storageUrl", storageUrl, 2048);
        Check.optionalText("filename", filename, 500);
        Check.optionalText("mimeType", mimeType, 500);
        if (sizeBytes != null) {
            Check.range("sizeBytes", sizeBytes, 0, Integer.MAX_VALUE);
        }
        Check.optionalText("hash", hash, 500);
        metadata = Json.absentIfNull(metadata);
    }

    /**
     * A builder of a {@code NewMedia}: each component is set by its name, so that two values of one
     * type cannot change places unnoticed.
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Sets the components of a {@link NewMedia} by name. A component not set is null, false or 0;
     * {@link #build()} validates as the canonical constructor does. Not thread-safe; one builder may
     * build several records.
     */
    public static final class Builder {
        private UserId userId;
        private MemoryUnitId memoryUnitId;
        private MediaType type;
        private String storageUrl;
        private String filename;
        private String mimeType;
        private Integer sizeBytes;
        private String hash;
        private Json metadata;

        private Builder() {
        }

        /** Sets {@link NewMedia#userId()}. */
        public Builder userId(UserId userId) {
            this.userId = userId;
            return this;
        }

        /** Sets {@link NewMedia#memoryUnitId()}. */
        public Builder memoryUnitId(MemoryUnitId memoryUnitId) {
            this.memoryUnitId = memoryUnitId;
            return this;
        }

        /** Sets {@link NewMedia#type()}. */
        public Builder type(MediaType type) {
            this.type = type;
            return this;
        }

        /** Sets {@link NewMedia#storageUrl()}. */
        public Builder storageUrl(String storageUrl) {
            this.storageUrl = storageUrl;
            return this;
        }

        /** Sets {@link NewMedia#filename()}. */
        public Builder filename(String filename) {
            this.filename = filename;
            return this;
        }

        /** Sets {@link NewMedia#mimeType()}. */
        public Builder mimeType(String mimeType) {
            this.mimeType = mimeType;
            return this;
        }

        /** Sets {@link NewMedia#sizeBytes()}. */
        public Builder sizeBytes(Integer sizeBytes) {
            this.sizeBytes = sizeBytes;
            return this;
        }

        /** Sets {@link NewMedia#hash()}. */
        public Builder hash(String hash) {
            this.hash = hash;
            return this;
        }

        /** Sets {@link NewMedia#metadata()}. */
        public Builder metadata(Json metadata) {
            this.metadata = metadata;
            return this;
        }

        /**
         * The {@code NewMedia} of the components set.
         *
         * @throws io.plinth.core.InvalidInputException naming the component that breaks a rule
         */
        public NewMedia build() {
            return new NewMedia(userId, memoryUnitId, type, storageUrl, filename, mimeType, sizeBytes, hash,
                    metadata);
        }
    }
}
