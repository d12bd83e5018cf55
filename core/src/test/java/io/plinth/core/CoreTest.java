package io.plinth.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plinth.tenancy.UserId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CoreTest {

    @Test
    void newIdsAreVersion7AndAlwaysIncreasing() {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            ids.add(Ids.next());
        }
        for (UUID id : ids) {
            assertEquals(7, id.version());
            assertEquals(2, id.variant());
        }
        List<UUID> sorted = new ArrayList<>(ids);
        sorted.sort(Ids.ORDER);
        assertEquals(ids, sorted);
    }

    @Test
    void idsAreUnique() {
        HashSet<UUID> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertTrue(seen.add(Ids.next()), "ids are unique");
        }
    }

    @Test
    void orderIsUnsignedLikePostgres() {
        UUID low = UUID.fromString("00000000-0000-0000-0000-000000000000");
        UUID high = UUID.fromString("ffffffff-0000-0000-0000-000000000000");
        assertTrue(Ids.ORDER.compare(low, high) < 0);
    }

    @Test
    void malformedIdsGiveAClearError() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> UserId.parse("1-2-3-4-5"));
        assertEquals("userId", e.field());
        assertThrows(InvalidInputException.class, () -> UserId.parse(null));
        UserId id = UserId.generate();
        assertEquals(id, UserId.parse(id.toString()));
    }

    @Test
    void jsonEqualityIgnoresFormattingAndKeyOrder() {
        Json a = Json.parse("{ \"b\": 1, \"a\": [true, null] }");
        Json b = Json.parse("{\"a\":[true,null],\"b\":1}");
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals(Json.of(Map.of("b", 1, "a", java.util.Arrays.asList(true, null))), a);
        assertNotEquals(Json.parse("{\"b\": 2}"), a);
        assertEquals(Json.parse("{\"n\": 1, \"x\": 1.50}"), Json.of(Map.of("n", 1L, "x", 1.5)), "numbers compare by value");
        assertEquals(Json.parse("[1.0]").hashCode(), Json.parse("[1]").hashCode());
        assertEquals(1, a.as(Map.class).get("b"));
    }

    @Test
    void jsonIsImmutable() {
        Json json = Json.parse("{\"a\": 1}");
        ((com.fasterxml.jackson.databind.node.ObjectNode) json.tree()).put("a", 2);
        assertEquals(Json.parse("{\"a\": 1}"), json);
    }

    @Test
    void badJsonIsInvalidInput() {
        assertEquals("json", assertThrows(InvalidInputException.class, () -> Json.parse("{")).field());
        assertEquals("json", assertThrows(InvalidInputException.class, () -> Json.parse("")).field());
        assertEquals("json", assertThrows(InvalidInputException.class, () -> Json.parse("[1] [2]")).field());
    }

    @Test
    void pagesCarryACursorOnlyWhenMoreFollow() {
        List<UUID> keys = List.of(Ids.next(), Ids.next(), Ids.next());
        Page<UUID> full = Page.of(keys, 2, k -> k);
        assertEquals(keys.subList(0, 2), full.items());
        assertTrue(full.hasNext());
        assertEquals(keys.get(1), new PageRequest(full.nextCursor(), 2).afterKey());
        Page<UUID> last = Page.of(keys, 3, k -> k);
        assertFalse(last.hasNext());
    }

    @Test
    void retryBackoffStaysWithinItsBounds() {
        RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(10), Duration.ofMillis(40));
        for (int attempt = 1; attempt < 10; attempt++) {
            Duration pause = policy.backoff(attempt);
            assertFalse(pause.isNegative());
            assertTrue(pause.compareTo(Duration.ofMillis(40)) <= 0, pause::toString);
        }
        assertThrows(InvalidInputException.class, () -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO));
        assertThrows(InvalidInputException.class, () -> new RetryPolicy(2, Duration.ofSeconds(2), Duration.ofSeconds(1)));
    }

    @Test
    void checksNameTheFieldAndTheRule() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Check.range("frustration", Double.NaN, 0, 1));
        assertEquals("frustration", e.field());
        assertEquals(1, Check.enumValue("tier", java.time.DayOfWeek.class, "monday").getValue());
        InvalidInputException unknown = assertThrows(InvalidInputException.class,
                () -> Check.enumValue("day", java.time.DayOfWeek.class, "someday"));
        assertTrue(unknown.rule().contains("monday"), unknown.rule());
    }
}
