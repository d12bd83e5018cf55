package io.plinth.memory;

import io.plinth.core.AppendRepository;
import io.plinth.core.ReadOnly;
import io.plinth.tenancy.UserId;
import java.time.Instant;
import java.util.Map;

/**
 * A user's {@link GrowthEvent} rows, append-only: no call changes or deletes one, and the database
 * refuses UPDATE, DELETE and TRUNCATE of {@code growth_events} (only deleting the user removes
 * them).
 */
public interface GrowthEventRepository extends AppendRepository<UserId, GrowthEventId, NewGrowthEvent, GrowthEvent> {
    /**
     * The sum of the {@code delta}s of the user's events per {@code dimKey}, over the events created
     * in the half-open range {@code [from, to)}: an event created exactly at {@code from} counts, one
     * created exactly at {@code to} does not. A dimension without events in the range is absent; an
     * empty range ({@code from} equal to {@code to}) gives an empty map.
     *
     * <p>Every store adds the deltas of a dimension one by one, in {@code double} arithmetic (IEEE 754,
     * round to nearest), in the order of {@code (createdAt, id)} — the order the events were made —
     * starting from the first; so the same events give the same sum, bit for bit, on every store
     * (PostgreSQL: {@code sum(delta ORDER BY created_at, event_id)}).
     *
     * @return dimension → sum, ordered by dimension key (Java's {@code String} order); unmodifiable
     * @throws io.plinth.core.InvalidInputException on {@code from} when {@code from} is after
     *         {@code to}; on {@code delta} when a dimension's running sum leaves the range of a
     *         {@code double} (beyond ±{@link Double#MAX_VALUE})
     */
    @ReadOnly
    Map<String, Double> sumByDimension(UserId userId, Instant from, Instant to);
}
