package io.plinth.memory;

import io.plinth.core.Check;
import io.plinth.core.Json;
import io.plinth.tenancy.UserId;
import java.time.Instant;

/**
 * A prompt an agent proposes to a user (seed 004's {@code proactive_prompts}).
 *
 * <p>{@code status} is free text (1 to 500 characters, no CHECK in the database): the seed gives only
 * the default {@code pending} and no list of values, and Prisma clients generated from it may write
 * any string. A new prompt is {@code pending} ({@link ProactivePromptRepository#PENDING}).
 *
 * @param version optimistic-lock version; an update must carry the version it read
 */
public record ProactivePrompt(ProactivePromptId id, UserId userId, String promptText, String sourceAgent,
                              String status, Instant createdAt, Json metadata, long version) {
    public ProactivePrompt {
        Check.required("id", id);
        Check.required("userId", userId);
        Check.text("promptText", promptText, 100000);
        Check.text("sourceAgent", sourceAgent, 500);
        Check.text("status", status, 500);
        Check.required("createdAt", createdAt);
        metadata = Json.absentIfNull(metadata);
        Check.version(version);
    }

    /** The same prompt with another {@code promptText}. */
    public ProactivePrompt withPromptText(String changed) {
        return new ProactivePrompt(id, userId, changed, sourceAgent, status, createdAt, metadata, version);
    }

    /** The same prompt with another {@code status}. */
    public ProactivePrompt withStatus(String changed) {
        return new ProactivePrompt(id, userId, promptText, sourceAgent, changed, createdAt, metadata, version);
    }

    /** The same prompt with another {@code metadata}. */
    public ProactivePrompt withMetadata(Json changed) {
        return new ProactivePrompt(id, userId, promptText, sourceAgent, status, createdAt, changed, version);
    }
}
