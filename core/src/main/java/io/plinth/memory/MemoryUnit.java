package io.plinth.memory;

import io.plinth.core.Check;
import io.plinth.tenancy.UserId;
import java.time.Instant;

/**
 * A unit of a user's memory (seed 004's {@code memory_units}): created at {@code creationTs} as the
 * caller says, ingested at the store's time, perhaps spawned by a conversation.
 *
 * @param version optimistic-lock version; an update must carry the version it read
 */
public record MemoryUnit(MemoryUnitId id, UserId userId, String title, String content, Instant creationTs,
                         Instant ingestionTs, Instant lastModifiedTs, Double importanceScore,
                         Double sentimentScore, ConversationId sourceConversationId, long version) {
    public MemoryUnit {
        Check.required("id", id);
        Check.required("userId", userId);
        Check.text("title", title, 500);
        Check.text("content", content, 100000);
        creationTs = Check.instant("creationTs", creationTs);
        Check.required("creationTs", creationTs);
        Check.required("ingestionTs", ingestionTs);
        Check.finite("importanceScore", importanceScore);
        Check.finite("sentimentScore", sentimentScore);
        Check.version(version);
    }

    /** The same memory unit with another {@code title}. */
    public MemoryUnit withTitle(String changed) {
        return new MemoryUnit(id, userId, changed, content, creationTs, ingestionTs, lastModifiedTs,
                importanceScore, sentimentScore, sourceConversationId, version);
    }

    /** The same memory unit with another {@code content}. */
    public MemoryUnit withContent(String changed) {
        return new MemoryUnit(id, userId, title, changed, creationTs, ingestionTs, lastModifiedTs, importanceScore,
                sentimentScore, sourceConversationId, version);
    }

    /** The same memory unit with another {@code importanceScore}. */
    public MemoryUnit withImportanceScore(Double changed) {
        return new MemoryUnit(id, userId, title, content, creationTs, ingestionTs, lastModifiedTs, changed,
                sentimentScore, sourceConversationId, version);
    }

    /** The same memory unit with another {@code sentimentScore}. */
    public MemoryUnit withSentimentScore(Double changed) {
        return new MemoryUnit(id, userId, title, content, creationTs, ingestionTs, lastModifiedTs, importanceScore,
                changed, sourceConversationId, version);
    }

    /** The same memory unit with another {@code sourceConversationId}. */
    public MemoryUnit withSourceConversationId(ConversationId changed) {
        return new MemoryUnit(id, userId, title, content, creationTs, ingestionTs, lastModifiedTs, importanceScore,
                sentimentScore, changed, version);
    }
}
