package io.plinth.testkit.memory;

import io.plinth.core.Check;
import io.plinth.core.Ids;
import io.plinth.core.InvalidInputException;
import io.plinth.memory.GrowthEvent;
import io.plinth.memory.GrowthEventId;
import io.plinth.memory.GrowthEventRepository;
import io.plinth.memory.MemoryTables;
import io.plinth.memory.NewGrowthEvent;
import io.plinth.tenancy.UserId;
import io.plinth.testkit.MemCrudRepository;
import io.plinth.testkit.Tables;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * In-memory {@link GrowthEventRepository}: the sums add the deltas in {@code (createdAt, id)} order,
 * with PostgreSQL's {@code float8} addition ({@link #add}). Internal to the test kit.
 */
public final class MemGrowthEventRepository extends MemCrudRepository<UserId, GrowthEventId, NewGrowthEvent, GrowthEvent>
        implements GrowthEventRepository {
    /** The order the sums add the events in. */
    static final Comparator<GrowthEvent> ORDER = Comparator.comparing(GrowthEvent::createdAt)
            .thenComparing(e -> e.id().value(), Ids.ORDER);

    public MemGrowthEventRepository(Tables tables, Supplier<Instant> now) {
        super(tables, MemoryTables.GROWTH_EVENTS, now);
    }

    @Override
    public Map<String, Double> sumByDimension(UserId userId, Instant from, Instant to) {
        Check.notAfter("from", from, "to", to);
        List<GrowthEvent> events = new ArrayList<>();
        for (GrowthEvent event : rows.rows()) {
            if (event.userId().equals(userId) && !event.createdAt().isBefore(from) && event.createdAt().isBefore(to)) {
                events.add(event);
            }
        }
        events.sort(ORDER);
        Map<String, Double> sums = new TreeMap<>();
        for (GrowthEvent event : events) {
            sums.merge(event.dimKey(), event.delta(), MemGrowthEventRepository::add);
        }
        return Collections.unmodifiableMap(sums);
    }

    /**
     * PostgreSQL's {@code float8pl}: IEEE 754 addition that refuses to overflow (a finite sum of
     * finite numbers that comes out infinite is an error, SQLState 22003).
     */
    static double add(double a, double b) {
        double sum = a + b;
        if (Double.isInfinite(sum) && !Double.isInfinite(a) && !Double.isInfinite(b)) {
            throw new InvalidInputException("delta", "the sum of the deltas is beyond the range of a double");
        }
        return sum;
    }
}
