package io.plinth.postgres.memory;

import io.plinth.core.Check;
import io.plinth.core.InvalidInputException;
import io.plinth.memory.GrowthEvent;
import io.plinth.memory.GrowthEventId;
import io.plinth.memory.GrowthEventRepository;
import io.plinth.memory.MemoryTables;
import io.plinth.memory.NewGrowthEvent;
import io.plinth.postgres.PgCrudRepository;
import io.plinth.tenancy.UserId;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import io.plinth.postgres.PgSession;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;

/**
 * {@link GrowthEventRepository} on table {@code growth_events}. The sums are PostgreSQL's
 * {@code sum(float8)} with an {@code ORDER BY}, so the deltas are added one by one in
 * {@code (created_at, event_id)} order — the order the in-memory store adds them in.
 */
public final class PgGrowthEventRepository extends PgCrudRepository<UserId, GrowthEventId, NewGrowthEvent, GrowthEvent>
        implements GrowthEventRepository {
    /** The sums of one user's deltas per dimension over {@code [from, to)}. */
    public static final String SUM_BY_DIMENSION = "SELECT dim_key, sum(delta ORDER BY created_at, event_id) AS total"
            + " FROM growth_events WHERE user_id = :user AND created_at >= :from AND created_at < :to GROUP BY dim_key";

    public PgGrowthEventRepository(PgSession session, Supplier<Instant> now) {
        super(session, MemoryTables.GROWTH_EVENTS, now);
    }

    @Override
    public Map<String, Double> sumByDimension(UserId userId, Instant from, Instant to) {
        Check.notAfter("from", from, "to", to);
        Map<String, Double> sums = new TreeMap<>();
        try {
            handle().createQuery(SUM_BY_DIMENSION).bind("user", userId.value()).bind("from", from).bind("to", to)
                    .map((rs, ctx) -> Map.entry(rs.getString("dim_key"), rs.getDouble("total")))
                    .forEach(e -> sums.put(e.getKey(), e.getValue()));
        } catch (JdbiException e) {
            if (e.getCause() instanceof SQLException sql && "22003".equals(sql.getSQLState())) {
                // float8pl refuses a finite sum that overflows; the in-memory store does the same.
                throw new InvalidInputException("delta", "the sum of the deltas is beyond the range of a double");
            }
            throw e;
        }
        return Collections.unmodifiableMap(sums);
    }
}
