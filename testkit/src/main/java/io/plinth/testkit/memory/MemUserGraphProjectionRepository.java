package io.plinth.testkit.memory;

import io.plinth.core.Ids;
import io.plinth.memory.GraphProjectionId;
import io.plinth.memory.MemoryTables;
import io.plinth.memory.NewUserGraphProjection;
import io.plinth.memory.UserGraphProjection;
import io.plinth.memory.UserGraphProjectionRepository;
import io.plinth.tenancy.UserId;
import io.plinth.testkit.MemCrudRepository;
import io.plinth.testkit.Tables;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Supplier;

/** In-memory {@link UserGraphProjectionRepository}. Internal to the test kit. */
public final class MemUserGraphProjectionRepository
        extends MemCrudRepository<UserId, GraphProjectionId, NewUserGraphProjection, UserGraphProjection>
        implements UserGraphProjectionRepository {
    /** Later is greater: created at, then id as PostgreSQL orders uuids. */
    private static final Comparator<UserGraphProjection> ORDER = Comparator.comparing(UserGraphProjection::createdAt)
            .thenComparing(p -> p.id().value(), Ids.ORDER);

    public MemUserGraphProjectionRepository(Tables tables, Supplier<Instant> now) {
        super(tables, MemoryTables.USER_GRAPH_PROJECTIONS, now);
    }

    @Override
    public Optional<UserGraphProjection> latest(UserId userId) {
        return rows.rows().stream().filter(p -> p.userId().equals(userId)).max(ORDER);
    }
}
