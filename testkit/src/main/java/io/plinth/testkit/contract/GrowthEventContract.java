package io.plinth.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plinth.core.CrudRepository;
import io.plinth.core.PageRequest;
import io.plinth.memory.GrowthEvent;
import io.plinth.memory.NewGrowthEvent;
import io.plinth.tenancy.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Growth events: append-only, and summed per dimension over a half-open time range, adding the
 * deltas in creation order so every store gives the same {@code double}, bit for bit.
 */
public abstract class GrowthEventContract extends StoreContract {

    private GrowthEvent event(UserId user, String dim, double delta) {
        return store.growthEvents().create(new NewGrowthEvent(user, "entity-1", "Concept", dim, delta, "reflection", null));
    }

    @Test
    void growthEventsOfferNoUpdateNorDelete() {
        assertFalse(store.growthEvents() instanceof CrudRepository);
        boolean inWork = store.inTransaction(tx -> tx.growthEvents() instanceof CrudRepository);
        assertFalse(inWork);
    }

    @Test
    void deletingTheUserDeletesTheirGrowthEvents() {
        UserId user = newUser("Leaving").id();
        event(user, "curiosity", 1.0);
        event(user, "courage", 2.0);
        store.users().delete(user);
        assertTrue(store.growthEvents().list(user, PageRequest.first()).items().isEmpty());
        assertEquals(Map.of(), store.growthEvents().sumByDimension(user, Instant.EPOCH, clock.instant().plusSeconds(1)));
    }

    @Test
    void sumsPerDimensionOverAHalfOpenRange() {
        UserId user = newUser("Grower").id();
        UserId other = newUser("Other").id();
        Instant t0 = clock.instant();
        event(user, "curiosity", 1.5);
        clock.advance(Duration.ofSeconds(1));
        Instant t1 = clock.instant();
        event(user, "curiosity", 2.0);
        event(user, "courage", 0.25);
        event(other, "curiosity", 100.0);
        clock.advance(Duration.ofSeconds(1));
        Instant t2 = clock.instant();
        event(user, "curiosity", 4.0);

        assertEquals(Map.of("curiosity", 2.0, "courage", 0.25), store.growthEvents().sumByDimension(user, t1, t2));
        assertEquals(Map.of("curiosity", 7.5, "courage", 0.25),
                store.growthEvents().sumByDimension(user, t0, t2.plusNanos(1_000)));
        assertEquals(Map.of("curiosity", 1.5), store.growthEvents().sumByDimension(user, t0, t1));
        assertEquals(Map.of("curiosity", 6.0, "courage", 0.25),
                store.growthEvents().sumByDimension(user, t1, Instant.parse("9999-12-31T23:59:59.999999Z")));
        assertEquals(Map.of(), store.growthEvents().sumByDimension(user, t1, t1), "an empty range sums nothing");
        assertEquals(Map.of("curiosity", 100.0), store.growthEvents().sumByDimension(other, t0, t2));
    }

    @Test
    void sumsAddTheDeltasInCreationOrder() {
        UserId user = newUser("Ordered").id();
        // 1e16 + 1 rounds back to 1e16 (ties to even): the order of the additions decides the sum.
        for (double delta : new double[] {1e16, 1.0, -1e16}) {
            event(user, "big-first", delta);
        }
        for (double delta : new double[] {1e16, -1e16, 1.0}) {
            event(user, "small-last", delta);
        }
        clock.advance(Duration.ofMillis(1));
        for (double delta : new double[] {0.1, 0.2, 0.3}) {
            event(user, "tenths-up", delta);
            clock.advance(Duration.ofMillis(1));
        }
        // Created later but at an earlier time: the time, not the id, orders the additions.
        clock.set(clock.instant().minusSeconds(60));
        event(user, "tenths-down", 0.1);
        clock.set(clock.instant().minusSeconds(60));
        event(user, "tenths-down", 0.2);
        clock.set(clock.instant().minusSeconds(60));
        event(user, "tenths-down", 0.3);

        Map<String, Double> sums = store.growthEvents().sumByDimension(user, Instant.EPOCH, clock.instant().plusSeconds(3600));
        assertEquals(0.0, sums.get("big-first"));
        assertEquals(1.0, sums.get("small-last"));
        assertEquals((0.1 + 0.2) + 0.3, sums.get("tenths-up"));
        assertEquals(0.6000000000000001, sums.get("tenths-up"));
        assertEquals((0.3 + 0.2) + 0.1, sums.get("tenths-down"));
        assertEquals(0.6, sums.get("tenths-down"));
        assertEquals(List.of("big-first", "small-last", "tenths-down", "tenths-up"), List.copyOf(sums.keySet()));
    }

    @Test
    void aSumBeyondTheRangeOfADoubleIsInvalid() {
        UserId user = newUser("Overflowing").id();
        event(user, "huge", Double.MAX_VALUE);
        event(user, "huge", Double.MAX_VALUE);
        assertInvalid("delta", () -> store.growthEvents().sumByDimension(user, Instant.EPOCH, clock.instant().plusSeconds(1)));
        event(user, "huge", -Double.MAX_VALUE);
        assertInvalid("delta", () -> store.growthEvents().sumByDimension(user, Instant.EPOCH, clock.instant().plusSeconds(1)));
    }

    @Test
    void aRangeThatEndsBeforeItStartsIsInvalid() {
        UserId user = newUser("Backwards").id();
        event(user, "curiosity", 1.0);
        Instant now = clock.instant();
        assertInvalid("from", () -> store.growthEvents().sumByDimension(user, now.plusNanos(1_000), now));
    }

    @Test
    void missingArgumentsAreInvalid() {
        UserId user = newUser("Nulls").id();
        Instant now = clock.instant();
        assertInvalid("userId", () -> store.growthEvents().sumByDimension(null, now, now));
        assertInvalid("from", () -> store.growthEvents().sumByDimension(user, null, now));
        assertInvalid("to", () -> store.growthEvents().sumByDimension(user, now, null));
        assertInvalid("to", () -> store.growthEvents().sumByDimension(user, now, Instant.parse("+10000-01-01T00:00:00Z")));
        assertInvalid("newGrowthEvent", () -> store.growthEvents().create(null));
    }

    @Test
    void badEventsAreInvalidAndWriteNothing() {
        UserId user = newUser("Bad").id();
        assertInvalid("delta", () -> event(user, "curiosity", Double.NaN));
        assertInvalid("delta", () -> event(user, "curiosity", Double.POSITIVE_INFINITY));
        assertInvalid("delta", () -> event(user, "curiosity", Double.NEGATIVE_INFINITY));
        assertInvalid("delta", () -> store.growthEvents().create(
                new NewGrowthEvent(user, "entity-1", "Concept", "curiosity", null, "reflection", null)));
        assertInvalid("dimKey", () -> event(user, "d".repeat(501), 1.0));
        assertInvalid("dimKey", () -> event(user, "cu\0riosity", 1.0));
        assertInvalid("source", () -> store.growthEvents().create(
                new NewGrowthEvent(user, "entity-1", "Concept", "curiosity", 1.0, "re\0flection", null)));
        assertInvalid("entityId", () -> store.growthEvents().create(
                new NewGrowthEvent(user, "e".repeat(501), "Concept", "curiosity", 1.0, "reflection", null)));
        assertEquals(Map.of(), store.growthEvents().sumByDimension(user, Instant.EPOCH, clock.instant().plusSeconds(1)));
    }
}
