package io.plinth.tenancy;

import io.plinth.core.Check;

/**
 * What it takes to create a {@link Workspace}. The owner becomes its first member, as {@link Role#ADMIN}.
 *
 * @param name     required, at most 200 characters
 * @param ownerId  an existing user
 * @param planTier required
 */
public record NewWorkspace(String name, UserId ownerId, PlanTier planTier) {
    public NewWorkspace {
        Check.text("name", name, Workspace.MAX_NAME);
        Check.required("ownerId", ownerId);
        Check.required("planTier", planTier);
    }

    /** A workspace on the {@link PlanTier#APPRENTICE} plan. */
    public static NewWorkspace of(String name, UserId ownerId) {
        return new NewWorkspace(name, ownerId, PlanTier.APPRENTICE);
    }
}
