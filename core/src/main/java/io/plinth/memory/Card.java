package io.plinth.memory;

import io.plinth.core.Check;
import io.plinth.core.Json;
import io.plinth.tenancy.UserId;
import java.time.Instant;
import java.util.UUID;

/**
 * A card on a user's canvas (seed 004's {@code cards}) presenting one of their entities: a memory
 * unit, a concept, a derived artifact or a proactive prompt, which must exist and be theirs.
 *
 * @param version optimistic-lock version; an update must carry the version it read
 */
public record Card(CardId id, UserId userId, String cardType, UUID sourceEntityId, CardSourceType sourceEntityType,
                   CardStatus status, boolean isFavorited, Json displayData, boolean isSynced, Instant createdAt,
                   Instant updatedAt, long version) {
    public Card {
        Check.required("id", id);
        Check.required("userId", userId);
        Check.text("cardType", cardType, 500);
        Check.required("sourceEntityId", sourceEntityId);
        Check.required("sourceEntityType", sourceEntityType);
        Check.required("status", status);
        displayData = Json.absentIfNull(displayData);
        Check.required("createdAt", createdAt);
        Check.version(version);
    }

    /** The same card with another {@code cardType}. */
    public Card withCardType(String changed) {
        return new Card(id, userId, changed, sourceEntityId, sourceEntityType, status, isFavorited, displayData,
                isSynced, createdAt, updatedAt, version);
    }

    /** The same card with another {@code status}. */
    public Card withStatus(CardStatus changed) {
        return new Card(id, userId, cardType, sourceEntityId, sourceEntityType, changed, isFavorited, displayData,
                isSynced, createdAt, updatedAt, version);
    }

    /** The same card with another {@code isFavorited}. */
    public Card withIsFavorited(boolean changed) {
        return new Card(id, userId, cardType, sourceEntityId, sourceEntityType, status, changed, displayData,
                isSynced, createdAt, updatedAt, version);
    }

    /** The same card with another {@code displayData}. */
    public Card withDisplayData(Json changed) {
        return new Card(id, userId, cardType, sourceEntityId, sourceEntityType, status, isFavorited, changed,
                isSynced, createdAt, updatedAt, version);
    }

    /** The same card with another {@code isSynced}. */
    public Card withIsSynced(boolean changed) {
        return new Card(id, userId, cardType, sourceEntityId, sourceEntityType, status, isFavorited, displayData,
                changed, createdAt, updatedAt, version);
    }
}
