package io.plinth.postgres.memory;

import io.plinth.core.table.Column;
import io.plinth.memory.GraphProjectionId;
import io.plinth.memory.MemoryTables;
import io.plinth.memory.NewUserGraphProjection;
import io.plinth.memory.UserGraphProjection;
import io.plinth.memory.UserGraphProjectionRepository;
import io.plinth.postgres.PgCrudRepository;
import io.plinth.tenancy.UserId;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import io.plinth.postgres.PgSession;
import org.jdbi.v3.core.Handle;

/** {@link UserGraphProjectionRepository} on table {@code user_graph_projections}. */
public final class PgUserGraphProjectionRepository
        extends PgCrudRepository<UserId, GraphProjectionId, NewUserGraphProjection, UserGraphProjection>
        implements UserGraphProjectionRepository {
    /**
     * The latest projection of user {@code :user}: the seed's index on {@code (user_id, created_at
     * DESC)} gives the rows newest first, and only the ties on {@code created_at} are sorted by id
     * (an incremental sort), so the query reads one row or the few that tie.
     */
    public static final String LATEST = "SELECT "
            + MemoryTables.USER_GRAPH_PROJECTIONS.columns().stream().map(Column::name).collect(Collectors.joining(", "))
            + " FROM user_graph_projections WHERE user_id = :user ORDER BY created_at DESC, projection_id DESC LIMIT 1";

    public PgUserGraphProjectionRepository(PgSession session, Supplier<Instant> now) {
        super(session, MemoryTables.USER_GRAPH_PROJECTIONS, now);
    }

    @Override
    public Optional<UserGraphProjection> latest(UserId userId) {
        return handle().createQuery(LATEST).bind("user", userId.value()).map(sql.mapper()).findOne();
    }
}
