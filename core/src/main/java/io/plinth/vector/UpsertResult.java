package io.plinth.vector;

import io.plinth.core.PlinthException;
import java.util.UUID;

/**
 * The outcome of one item of {@link SemanticIndex#upsertAll}: its position in the batch, its
 * {@code externalId} when it could be derived, and the error that kept it out (null when written).
 */
public record UpsertResult(int index, UUID externalId, PlinthException error) {
    /** Whether the item was written. */
    public boolean ok() {
        return error == null;
    }

    /** A written item. */
    public static UpsertResult written(int index, UUID externalId) {
        return new UpsertResult(index, externalId, null);
    }

    /** A refused item. */
    public static UpsertResult refused(int index, UUID externalId, PlinthException error) {
        return new UpsertResult(index, externalId, error);
    }
}
