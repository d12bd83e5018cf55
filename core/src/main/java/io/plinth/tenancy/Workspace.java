package io.plinth.tenancy;

import io.plinth.core.Check;
import java.time.Instant;

/**
 * The tenant (seed 000's Workspace; Prism's organization). All tenant data carries its id.
 *
 * @param version optimistic-lock version; an update must carry the version it read
 */
public record Workspace(WorkspaceId id, String name, UserId ownerId, PlanTier planTier,
                        Instant createdAt, Instant updatedAt, long version) {
    /** Longest accepted name. */
    public static final int MAX_NAME = 200;

    public Workspace {
        Check.required("id", id);
        Check.text("name", name, MAX_NAME);
        Check.required("ownerId", ownerId);
        Check.required("planTier", planTier);
        Check.required("createdAt", createdAt);
        Check.required("updatedAt", updatedAt);
        Check.version(version);
    }

    public Workspace withName(String newName) {
        return new Workspace(id, newName, ownerId, planTier, createdAt, updatedAt, version);
    }

    public Workspace withOwnerId(UserId newOwner) {
        return new Workspace(id, name, newOwner, planTier, createdAt, updatedAt, version);
    }

    public Workspace withPlanTier(PlanTier newTier) {
        return new Workspace(id, name, ownerId, newTier, createdAt, updatedAt, version);
    }
}
