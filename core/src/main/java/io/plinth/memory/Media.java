package io.plinth.memory;

import io.plinth.core.Check;
import io.plinth.core.Json;
import io.plinth.tenancy.UserId;
import java.time.Instant;

/**
 * A media item of a user (seed 004's {@code media_items}), perhaps attached to one of their memory
 * units. Its {@code hash} is unique across all users, as the seed says: a hash already stored is a
 * conflict that names only the caller's own hash, never whose it is.
 *
 * @param version optimistic-lock version; an update must carry the version it read
 */
public record Media(MediaId id, UserId userId, MemoryUnitId memoryUnitId, MediaType type, String storageUrl,
                    String filename, String mimeType, Integer sizeBytes, String hash, String processingStatus,
                    Json metadata, Instant createdAt, long version) {
    public Media {
        Check.required("id", id);
        Check.required("userId", userId);
        Check.required("type", type);
        Check.text("storageUrl", storageUrl, 2048);
        Check.optionalText("filename", filename, 500);
        Check.optionalText("mimeType", mimeType, 500);
        if (sizeBytes != null) {
            Check.range("sizeBytes", sizeBytes, 0, Integer.MAX_VALUE);
        }
        Check.optionalText("hash", hash, 500);
        Check.text("processingStatus", processingStatus, 500);
        metadata = Json.absentIfNull(metadata);
        Check.required("createdAt", createdAt);
        Check.version(version);
    }

    /** The same media with another {@code memoryUnitId}. */
    public Media withMemoryUnitId(MemoryUnitId changed) {
        return new Media(id, userId, changed, type, storageUrl, filename, mimeType, sizeBytes, hash,
                processingStatus, metadata, createdAt, version);
    }

    /** The same media with another {@code storageUrl}. */
    public Media withStorageUrl(String changed) {
        return new Media(id, userId, memoryUnitId, type, changed, filename, mimeType, sizeBytes, hash,
                processingStatus, metadata, createdAt, version);
    }

    /** The same media with another {@code filename}. */
    public Media withFilename(String changed) {
        return new Media(id, userId, memoryUnitId, type, storageUrl, changed, mimeType, sizeBytes, hash,
                processingStatus, metadata, createdAt, version);
    }

    /** The same media with another {@code mimeType}. */
    public Media withMimeType(String changed) {
        return new Media(id, userId, memoryUnitId, type, storageUrl, filename, changed, sizeBytes, hash,
                processingStatus, metadata, createdAt, version);
    }

    /** The same media with another {@code sizeBytes}. */
    public Media withSizeBytes(Integer changed) {
        return new Media(id, userId, memoryUnitId, type, storageUrl, filename, mimeType, changed, hash,
                processingStatus, metadata, createdAt, version);
    }

    /** The same media with another {@code processingStatus}. */
    public Media withProcessingStatus(String changed) {
        return new Media(id, userId, memoryUnitId, type, storageUrl, filename, mimeType, sizeBytes, hash, changed,
                metadata, createdAt, version);
    }

    /** The same media with another {@code metadata}. */
    public Media withMetadata(Json changed) {
        return new Media(id, userId, memoryUnitId, type, storageUrl, filename, mimeType, sizeBytes, hash,
                processingStatus, changed, createdAt, version);
    }
}
