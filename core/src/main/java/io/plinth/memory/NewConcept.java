package io.plinth.memory;

import io.plinth.core.Check;
import io.plinth.tenancy.UserId;

/** What it takes to create a {@link Concept}; the store assigns the id, the times and version 0. */
public record NewConcept(UserId userId, String name, String type, String description, Double salience,
                         CommunityId communityId) {
    public NewConcept {
        Check.required("userId", userId);
        Check.text("name", name, 500);
        Check.text("type", type, 500);
        Concept.checkKey(name, type);
        Check.optionalText("description", description, 100000);
        Check.finite("salience", salience);
    }
}
