package io.plinth.memory;

import io.plinth.core.Check;
import io.plinth.core.Json;
import io.plinth.tenancy.UserId;
import java.util.UUID;

/** What it takes to create a {@link Card}; the store assigns the id, the times and version 0. */
public record NewCard(UserId userId, String cardType, UUID sourceEntityId, CardSourceType sourceEntityType,
                      Json displayData) {
    public NewCard {
        Check.required("userId", userId);
        Check.text("cardType", cardType, 500);
        Check.required("sourceEntityId", sourceEntityId);
        Check.required("sourceEntityType", sourceEntityType);
        displayData = Json.absentIfNull(displayData);
    }
}
