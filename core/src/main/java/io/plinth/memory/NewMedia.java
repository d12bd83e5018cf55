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
}
