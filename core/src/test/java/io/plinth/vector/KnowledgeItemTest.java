package io.plinth.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.plinth.core.InvalidInputException;
import io.plinth.tenancy.UserId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class KnowledgeItemTest {
    private static final UserId USER = UserId.generate();
    private static final UUID SOURCE = UUID.fromString("0190a1b2-c3d4-7e5f-8a6b-1c2d3e4f5a6b");

    private static KnowledgeItem item(String text, String model, List<String> tags, float... vector) {
        return KnowledgeItem.of(USER, SourceEntityType.CONCEPT, SOURCE, text, "t", model, Instant.EPOCH, 0.5, tags, vector);
    }

    @Test
    void externalIdIsTheVersion5UuidOfTheSource() {
        // the same value as Python's uuid.uuid5(NAMESPACE, "Concept:0190a1b2-c3d4-7e5f-8a6b-1c2d3e4f5a6b")
        assertEquals(UUID.fromString("b7f04e7a-2411-550a-9558-6a49d350bf99"),
                KnowledgeItem.externalIdOf(SourceEntityType.CONCEPT, SOURCE));
        assertEquals(5, KnowledgeItem.externalIdOf(SourceEntityType.CARD, SOURCE).version());
        assertEquals(item("a", "m", null, 1f).externalId(), KnowledgeItem.externalIdOf(SourceEntityType.CONCEPT, SOURCE));
    }

    @Test
    void aGivenExternalIdMustBeTheDerivedOne() {
        var e = assertThrows(InvalidInputException.class, () -> new KnowledgeItem(UUID.randomUUID(), USER,
                SourceEntityType.CONCEPT, SOURCE, "a", null, "m", Instant.EPOCH, 0, List.of(), new float[] {1}));
        assertEquals("externalId", e.field());
    }

    @Test
    void badInputsNameTheirField() {
        assertField("vector", () -> item("a", "m", null));
        assertField("vector", () -> item("a", "m", null, 1f, Float.NaN));
        assertField("vector", () -> item("a", "m", null, Float.POSITIVE_INFINITY));
        assertField("vector", () -> item("a", "m", null, 0f, 0f));
        assertField("vector", () -> item("a", "m", null, new float[KnowledgeItem.MAX_DIMENSIONS + 1]));
        assertField("embeddingModelVersion", () -> item("a", " ", null, 1f));
        assertField("textContent", () -> item("a\0b", "m", null, 1f));
        assertField("textContent", () -> item("", "m", null, 1f));
        assertField("tags", () -> item("a", "m", List.of("ok", " "), 1f));
        assertField("importanceScore", () -> KnowledgeItem.of(USER, SourceEntityType.CARD, SOURCE, "a", null, "m",
                Instant.EPOCH, Double.NaN, null, new float[] {1}));
        assertField("createdAt", () -> KnowledgeItem.of(USER, SourceEntityType.CARD, SOURCE, "a", null, "m",
                null, 0, null, new float[] {1}));
    }

    @Test
    void badFiltersNameTheirField() {
        assertField("sourceTypes", () -> new KnowledgeFilter(new java.util.HashSet<>(java.util.Arrays.asList(SourceEntityType.CARD, null)),
                null, null, null, null));
        assertField("tags", () -> KnowledgeFilter.ANY.withAnyTag("ok", ""));
        assertField("minImportance", () -> KnowledgeFilter.ANY.withMinImportance(Double.NaN));
        assertField("createdFrom", () -> KnowledgeFilter.ANY.withCreated(Instant.EPOCH.plusSeconds(1), Instant.EPOCH));
    }

    @Test
    void theVectorIsCopiedInAndOut() {
        float[] v = {1f, 2f};
        KnowledgeItem item = item("a", "m", null, v);
        v[0] = 9f;
        item.vector()[1] = 9f;
        assertArrayEquals(new float[] {1f, 2f}, item.vector());
        assertEquals(item, item("a", "m", null, 1f, 2f));
    }

    @Test
    void wordsAreLowerCasedRunsOfLettersAndDigits() {
        assertEquals(List.of("héllo", "wörld", "42", "x"), Ranking.terms("Héllo, WÖRLD! 42 x-héllo"));
    }

    private static void assertField(String field, Runnable call) {
        var e = assertThrows(InvalidInputException.class, call::run);
        assertEquals(field, e.field(), e.getMessage());
    }
}
