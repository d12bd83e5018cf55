package io.plinth.memory;

import io.plinth.core.AppendRepository;
import io.plinth.core.ReadOnly;
import io.plinth.tenancy.UserId;
import java.util.Optional;

/** A user's {@link UserGraphProjection} rows, append-only. */
public interface UserGraphProjectionRepository extends AppendRepository<UserId, GraphProjectionId, NewUserGraphProjection, UserGraphProjection> {
    /**
     * The user's latest projection: the greatest {@code createdAt}, and of projections created at
     * the same time the one with the greatest id (the later made). Empty when the user has none.
     * Served on PostgreSQL by the seed's index {@code user_graph_projections_user_id_created_at_idx}
     * on {@code (user_id, created_at DESC)}.
     */
    @ReadOnly
    Optional<UserGraphProjection> latest(UserId userId);
}
