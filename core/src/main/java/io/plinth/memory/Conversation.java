package io.plinth.memory;

import io.plinth.core.Check;
import io.plinth.core.Json;
import io.plinth.tenancy.UserId;
import java.time.Instant;

/**
 * A conversation of a user with the companion (seed 004's {@code conversations}). Its status only
 * moves forward (see {@link ConversationRepository#advance}); it may have been started from a card.
 *
 * @param version optimistic-lock version; an update must carry the version it read
 */
public record Conversation(ConversationId id, UserId userId, String title, Instant startTime, Instant endedAt,
                           ConversationStatus status, Double importanceScore, String contextSummary, Json metadata,
                           CardId sourceCardId, long version) {
    public Conversation {
        Check.required("id", id);
        Check.required("userId", userId);
        Check.optionalText("title", title, 500);
        Check.required("startTime", startTime);
        endedAt = Check.instant("endedAt", endedAt);
        Check.required("status", status);
        Check.finite("importanceScore", importanceScore);
        Check.optionalText("contextSummary", contextSummary, 100000);
        metadata = Json.absentIfNull(metadata);
        Check.version(version);
    }

    /** The same conversation with another {@code title}. */
    public Conversation withTitle(String changed) {
        return new Conversation(id, userId, changed, startTime, endedAt, status, importanceScore, contextSummary,
                metadata, sourceCardId, version);
    }

    /** The same conversation with another {@code importanceScore}. */
    public Conversation withImportanceScore(Double changed) {
        return new Conversation(id, userId, title, startTime, endedAt, status, changed, contextSummary, metadata,
                sourceCardId, version);
    }

    /** The same conversation with another {@code contextSummary}. */
    public Conversation withContextSummary(String changed) {
        return new Conversation(id, userId, title, startTime, endedAt, status, importanceScore, changed, metadata,
                sourceCardId, version);
    }

    /** The same conversation with another {@code metadata}. */
    public Conversation withMetadata(Json changed) {
        return new Conversation(id, userId, title, startTime, endedAt, status, importanceScore, contextSummary,
                changed, sourceCardId, version);
    }

    /** The same conversation with another {@code sourceCardId}. */
    public Conversation withSourceCardId(CardId changed) {
        return new Conversation(id, userId, title, startTime, endedAt, status, importanceScore, contextSummary,
                metadata, changed, version);
    }
}
