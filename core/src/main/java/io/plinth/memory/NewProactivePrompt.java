package io.plinth.memory;

import io.plinth.core.Check;
import io.plinth.core.Json;
import io.plinth.tenancy.UserId;

/** What it takes to create a {@link ProactivePrompt}; the store assigns the id, the times and version 0. */
public record NewProactivePrompt(UserId userId, String promptText, String sourceAgent, Json metadata) {
    public NewProactivePrompt {
        Check.required("userId", userId);
        Check.text("promptText", promptText, 100000);
        Check.text("sourceAgent", sourceAgent, 500);
        metadata = Json.absentIfNull(metadata);
    }
}
