package io.plinth.memory;

import io.plinth.core.Check;
import io.plinth.tenancy.UserId;

/**
 * What it takes to create a {@link Community}.
 *
 * @param name        required, at most {@value Community#MAX_NAME} characters
 * @param description optional, at most {@value Community#MAX_DESCRIPTION} characters
 */
public record NewCommunity(UserId userId, String name, String description) {
    public NewCommunity {
        Check.required("userId", userId);
        Community.validate(name, description);
    }
}
