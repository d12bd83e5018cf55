package io.plinth.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plinth.core.ConflictException;
import io.plinth.core.InvalidInputException;
import io.plinth.tenancy.UserId;
import io.plinth.vector.HybridQuery;
import io.plinth.vector.KnowledgeFilter;
import io.plinth.vector.KnowledgeItem;
import io.plinth.vector.NearestQuery;
import io.plinth.vector.Ranking;
import io.plinth.vector.ScoredItem;
import io.plinth.vector.SemanticIndex;
import io.plinth.vector.SourceEntityType;
import io.plinth.vector.UpsertResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour of every {@link SemanticIndex}: the in-memory exact index, the Neo4j vector index
 * and Weaviate run this same class. Answers are compared with {@link Ranking} applied to every item
 * written, so an approximate store passes only when it finds the exact answer (with the small data
 * here, it must).
 */
public abstract class SemanticIndexContract {
    protected static final String MODEL = "test-model-v1";
    protected static final Instant T0 = Instant.parse("2026-01-01T00:00:00.123456Z");

    protected SemanticIndex index;
    protected final UserId alice = UserId.generate();
    protected final UserId bob = UserId.generate();

    /** An index holding no item, of its own or left by an earlier test. */
    protected abstract SemanticIndex emptyIndex();

    @BeforeEach
    void open() {
        index = emptyIndex();
    }

    @AfterEach
    void closeIndex() {
        index.close();
    }

    // --- helpers -------------------------------------------------------------------------------

    protected static KnowledgeItem item(UserId user, SourceEntityType type, String text, float... vector) {
        return KnowledgeItem.of(user, type, UUID.randomUUID(), text, null, MODEL, T0, 0.5, List.of(), vector);
    }

    protected static KnowledgeItem item(UserId user, String text, float... vector) {
        return item(user, SourceEntityType.MEMORY_UNIT, text, vector);
    }

    /** A unit vector at {@code degrees} in the plane. */
    protected static float[] angle(double degrees) {
        double r = Math.toRadians(degrees);
        return new float[] {(float) Math.cos(r), (float) Math.sin(r)};
    }

    private static List<UUID> ids(List<ScoredItem> hits) {
        return hits.stream().map(h -> h.item().externalId()).toList();
    }

    private static List<UUID> ids(KnowledgeItem... items) {
        return Arrays.stream(items).map(KnowledgeItem::externalId).toList();
    }

    private List<ScoredItem> nearest(UserId user, int k, KnowledgeFilter filter, float... vector) {
        return index.nearest(new NearestQuery(user, MODEL, vector, k, filter));
    }

    // --- writing -------------------------------------------------------------------------------

    @Test
    void anItemReadBackIsTheItemWritten() {
        KnowledgeItem item = KnowledgeItem.of(alice, SourceEntityType.CONVERSATION_MESSAGE, UUID.randomUUID(),
                "Ünïcode text 😀 with\nlines", "A title", MODEL, T0, 0.25, List.of("b-tag", "a tag", "😀"),
                new float[] {0.1f, -2.5f, 3.4028235e38f, 1.4e-45f});
        index.upsert(item);
        KnowledgeItem read = index.find(alice, item.sourceEntityType(), item.sourceEntityId()).orElseThrow();
        assertEquals(item, read);
        assertArrayEquals(item.vector(), read.vector());
        assertEquals(item.externalId(), read.externalId());
    }

    @Test
    void upsertingASourceAgainReplacesItsItem() {
        KnowledgeItem first = item(alice, "first", 1f, 0f);
        index.upsert(first);
        KnowledgeItem second = first.withContent("second", "now titled", MODEL, new float[] {0f, 1f});
        index.upsert(second);
        index.upsert(second);
        assertEquals(1, index.count(alice));
        assertEquals(second, index.find(alice, first.sourceEntityType(), first.sourceEntityId()).orElseThrow());
        assertEquals(List.of(second.externalId()), ids(nearest(alice, 10, KnowledgeFilter.ANY, 0f, 1f)));
    }

    @Test
    void aSourceIndexedForAnotherUserIsAConflictAndWritesNothing() {
        KnowledgeItem ofAlice = item(alice, "alice's", 1f, 0f);
        index.upsert(ofAlice);
        KnowledgeItem taken = new KnowledgeItem(null, bob, ofAlice.sourceEntityType(), ofAlice.sourceEntityId(),
                "bob's", null, MODEL, T0, 0, List.of(), new float[] {0f, 1f});
        var e = assertThrows(ConflictException.class, () -> index.upsert(taken));
        assertFalse(e.getMessage().contains(alice.toString()), "the message names no other user");
        assertEquals(ofAlice, index.find(alice, ofAlice.sourceEntityType(), ofAlice.sourceEntityId()).orElseThrow());
        assertEquals(0, index.count(bob));
    }

    @Test
    void theSameSourceIdUnderAnotherTypeIsAnotherItem() {
        KnowledgeItem concept = item(alice, SourceEntityType.CONCEPT, "c", 1f, 0f);
        KnowledgeItem card = new KnowledgeItem(null, alice, SourceEntityType.CARD, concept.sourceEntityId(), "card",
                null, MODEL, T0, 0, List.of(), new float[] {1f, 0f});
        index.upsert(concept);
        index.upsert(card);
        assertEquals(2, index.count(alice));
    }

    @Test
    void aBatchGivesOneResultPerItemAndABadItemKeepsNoOtherOut() {
        KnowledgeItem taken = item(bob, "bob's", 1f, 0f);
        index.upsert(taken);
        KnowledgeItem good1 = item(alice, "one", 1f, 0f);
        KnowledgeItem stolen = new KnowledgeItem(null, alice, taken.sourceEntityType(), taken.sourceEntityId(),
                "mine now", null, MODEL, T0, 0, List.of(), new float[] {1f, 0f});
        KnowledgeItem wrongDimensions = item(alice, "three dims", 1f, 0f, 0f);
        KnowledgeItem good2 = item(alice, "two", 0f, 1f);
        List<UpsertResult> results = index.upsertAll(Arrays.asList(good1, stolen, null, wrongDimensions, good2));

        assertEquals(5, results.size());
        for (int i = 0; i < 5; i++) {
            assertEquals(i, results.get(i).index());
        }
        assertTrue(results.get(0).ok());
        assertEquals(good1.externalId(), results.get(0).externalId());
        assertInstanceOf(ConflictException.class, results.get(1).error());
        assertEquals("items[2]", ((InvalidInputException) results.get(2).error()).field());
        assertNull(results.get(2).externalId());
        assertEquals("vector", ((InvalidInputException) results.get(3).error()).field());
        assertTrue(results.get(4).ok());
        assertEquals(2, index.count(alice));
        assertEquals(taken, index.find(bob, taken.sourceEntityType(), taken.sourceEntityId()).orElseThrow());
    }

    @Test
    void anEmptyBatchWritesNothing() {
        assertEquals(List.of(), index.upsertAll(List.of()));
    }

    @Test
    void aVectorOfOtherDimensionsThanItsModelVersionIsRefusedNamingBoth() {
        index.upsert(item(alice, "two dims", 1f, 0f));
        var e = assertThrows(InvalidInputException.class, () -> index.upsert(item(bob, "three", 1f, 0f, 0f)));
        assertEquals("vector", e.field());
        assertTrue(e.getMessage().contains(MODEL) && e.getMessage().contains("3") && e.getMessage().contains("2"), e.getMessage());
        assertEquals(0, index.count(bob));
        KnowledgeItem otherModel = KnowledgeItem.of(bob, SourceEntityType.CARD, UUID.randomUUID(), "other model",
                null, "other-model", T0, 0, null, new float[] {1f, 0f, 0f});
        index.upsert(otherModel);
        assertEquals(1, index.count(bob));
    }

    @Test
    void aNullArgumentIsAnInvalidInputNamingIt() {
        assertEquals("item", assertThrows(InvalidInputException.class, () -> index.upsert(null)).field());
        assertEquals("items", assertThrows(InvalidInputException.class, () -> index.upsertAll(null)).field());
        assertEquals("userId", assertThrows(InvalidInputException.class,
                () -> index.deleteBySource(null, SourceEntityType.CARD, UUID.randomUUID())).field());
        assertEquals("sourceEntityId", assertThrows(InvalidInputException.class,
                () -> index.find(alice, SourceEntityType.CARD, null)).field());
        assertEquals("userId", assertThrows(InvalidInputException.class, () -> index.deleteAllOf(null)).field());
        assertEquals("query", assertThrows(InvalidInputException.class, () -> index.nearest(null)).field());
    }

    @Test
    void aScanPagesThroughEveryUsersItemsOnceInExternalIdOrder() {
        List<KnowledgeItem> written = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            KnowledgeItem item = item(i % 2 == 0 ? alice : bob, "text " + i, angle(i * 10));
            index.upsert(item);
            written.add(item);
        }
        List<UUID> expected = written.stream().map(KnowledgeItem::externalId).sorted(Comparator.comparing(UUID::toString)).toList();
        List<KnowledgeItem> seen = new ArrayList<>();
        UUID after = null;
        for (List<KnowledgeItem> page = index.scan(null, 3); !page.isEmpty(); page = index.scan(after, 3)) {
            assertTrue(page.size() <= 3);
            seen.addAll(page);
            after = page.get(page.size() - 1).externalId();
        }
        assertEquals(expected, seen.stream().map(KnowledgeItem::externalId).toList());
        for (KnowledgeItem item : written) {
            assertTrue(seen.contains(item), "an item scanned is the item written: " + item);
        }
        assertEquals("limit", assertThrows(InvalidInputException.class, () -> index.scan(null, 0)).field());
        assertEquals("limit", assertThrows(InvalidInputException.class, () -> index.scan(null, SemanticIndex.MAX_SCAN + 1)).field());
    }

    // --- deleting ------------------------------------------------------------------------------

    @Test
    void deleteBySourceRemovesThatItemOnlyAndDeletingTwiceIsFine() {
        KnowledgeItem a = item(alice, "a", 1f, 0f);
        KnowledgeItem b = item(alice, "b", 0f, 1f);
        index.upsertAll(List.of(a, b));
        assertTrue(index.deleteBySource(alice, a.sourceEntityType(), a.sourceEntityId()));
        assertFalse(index.deleteBySource(alice, a.sourceEntityType(), a.sourceEntityId()));
        assertTrue(index.find(alice, a.sourceEntityType(), a.sourceEntityId()).isEmpty());
        assertEquals(List.of(b.externalId()), ids(nearest(alice, 10, KnowledgeFilter.ANY, 1f, 0f)));
    }

    @Test
    void anotherUsersItemIsNeitherFoundNorDeleted() {
        KnowledgeItem a = item(alice, "a", 1f, 0f);
        index.upsert(a);
        assertTrue(index.find(bob, a.sourceEntityType(), a.sourceEntityId()).isEmpty());
        assertFalse(index.deleteBySource(bob, a.sourceEntityType(), a.sourceEntityId()));
        assertEquals(1, index.count(alice));
    }

    @Test
    void deleteAllOfRemovesEveryItemOfTheUserAndNoOther() {
        index.upsertAll(List.of(item(alice, "a", 1f, 0f), item(alice, "b", 0f, 1f), item(bob, "c", 1f, 1f)));
        assertEquals(2, index.deleteAllOf(alice));
        assertEquals(0, index.deleteAllOf(alice));
        assertEquals(0, index.count(alice));
        assertEquals(1, index.count(bob));
        assertEquals(List.of(), nearest(alice, 10, KnowledgeFilter.ANY, 1f, 0f));
    }

    // --- nearest search ------------------------------------------------------------------------

    @Test
    void nearestRanksByCosineSimilarityAndReturnsIt() {
        KnowledgeItem at10 = item(alice, "10°", angle(10));
        KnowledgeItem at50 = item(alice, "50°", angle(50));
        KnowledgeItem at100 = item(alice, "100°", angle(100));
        KnowledgeItem at180 = item(alice, "180°", angle(180));
        index.upsertAll(List.of(at100, at180, at10, at50));
        List<ScoredItem> hits = nearest(alice, 10, KnowledgeFilter.ANY, angle(0));
        assertEquals(ids(at10, at50, at100, at180), ids(hits));
        double[] expected = {Math.cos(Math.toRadians(10)), Math.cos(Math.toRadians(50)), Math.cos(Math.toRadians(100)), -1};
        for (int i = 0; i < 4; i++) {
            assertEquals(expected[i], hits.get(i).score(), 1e-6);
        }
    }

    @Test
    void nearestReturnsAtMostK() {
        for (int i = 0; i < 5; i++) {
            index.upsert(item(alice, "n" + i, angle(i * 10)));
        }
        assertEquals(2, nearest(alice, 2, KnowledgeFilter.ANY, angle(0)).size());
        assertEquals(5, nearest(alice, 50, KnowledgeFilter.ANY, angle(0)).size());
    }

    @Test
    void cosineIgnoresLength() {
        KnowledgeItem longOne = item(alice, "long", 100f, 1f);
        KnowledgeItem shortOne = item(alice, "short", 0.1f, 0.05f);
        index.upsertAll(List.of(shortOne, longOne));
        assertEquals(ids(longOne, shortOne), ids(nearest(alice, 2, KnowledgeFilter.ANY, 1f, 0f)));
    }

    @Test
    void equalScoresAreOrderedByExternalId() {
        List<KnowledgeItem> twins = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            twins.add(item(alice, "twin " + i, 1f, 1f));
        }
        index.upsertAll(twins);
        List<UUID> expected = twins.stream().map(KnowledgeItem::externalId).sorted((x, y) -> x.toString().compareTo(y.toString())).toList();
        assertEquals(expected, ids(nearest(alice, 6, KnowledgeFilter.ANY, 1f, 1f)));
    }

    @Test
    void anotherUsersItemsAreNeverReturnedWhateverTheFilter() {
        KnowledgeItem mine = item(alice, "mine", angle(90));
        KnowledgeItem closer = KnowledgeItem.of(bob, SourceEntityType.MEMORY_UNIT, UUID.randomUUID(), "bob's secret",
                "secret", MODEL, T0, 1.0, List.of("t"), angle(0));
        index.upsertAll(List.of(mine, closer));
        KnowledgeFilter wide = KnowledgeFilter.ANY.withAnyTag("t").withSourceTypes(SourceEntityType.MEMORY_UNIT);
        assertEquals(List.of(), nearest(alice, 10, wide, angle(0)));
        assertEquals(ids(mine), ids(nearest(alice, 10, KnowledgeFilter.ANY, angle(0))));
        assertEquals(ids(mine), ids(index.hybrid(HybridQuery.of(alice, MODEL, "bob secret mine", angle(0), 0.5, 10))));
    }

    @Test
    void aSearchNeverMixesModelVersions() {
        KnowledgeItem v1 = item(alice, "v1", angle(30));
        KnowledgeItem v2 = KnowledgeItem.of(alice, SourceEntityType.CARD, UUID.randomUUID(), "v2", null, "model-v2",
                T0, 0, null, angle(0));
        index.upsertAll(List.of(v1, v2));
        assertEquals(ids(v1), ids(nearest(alice, 10, KnowledgeFilter.ANY, angle(0))));
        assertEquals(ids(v2), ids(index.nearest(NearestQuery.of(alice, "model-v2", angle(0), 10))));
        assertEquals(List.of(), index.nearest(NearestQuery.of(alice, "never-used", angle(0), 10)));
    }

    @Test
    void aQueryOfOtherDimensionsThanItsModelVersionIsAnInvalidInputNamingBoth() {
        index.upsert(item(alice, "two dims", 1f, 0f));
        for (Runnable search : List.<Runnable>of(
                () -> index.nearest(NearestQuery.of(alice, MODEL, new float[] {1f, 0f, 0f}, 1)),
                () -> index.nearest(NearestQuery.of(bob, MODEL, new float[] {1f, 0f, 0f}, 1)),
                () -> index.hybrid(HybridQuery.of(alice, MODEL, "two", new float[] {1f, 0f, 0f}, 0.5, 1)))) {
            var e = assertThrows(InvalidInputException.class, search::run);
            assertEquals("vector", e.field());
            assertTrue(e.getMessage().contains("'" + MODEL + "' have 2"), e.getMessage());
        }
    }

    // --- filters -------------------------------------------------------------------------------

    @Test
    void theSourceTypeFilterKeepsTheTypesGiven() {
        KnowledgeItem memory = item(alice, SourceEntityType.MEMORY_UNIT, "m", angle(0));
        KnowledgeItem concept = item(alice, SourceEntityType.CONCEPT, "c", angle(10));
        KnowledgeItem card = item(alice, SourceEntityType.CARD, "k", angle(20));
        index.upsertAll(List.of(memory, concept, card));
        assertEquals(ids(concept, card), ids(nearest(alice, 10,
                KnowledgeFilter.ANY.withSourceTypes(SourceEntityType.CARD, SourceEntityType.CONCEPT), angle(0))));
    }

    @Test
    void theTagFilterKeepsItemsHavingAnyOfTheTagsExactly() {
        KnowledgeItem work = KnowledgeItem.of(alice, SourceEntityType.CARD, UUID.randomUUID(), "w", null, MODEL, T0, 0,
                List.of("work", "urgent"), angle(0));
        KnowledgeItem home = KnowledgeItem.of(alice, SourceEntityType.CARD, UUID.randomUUID(), "h", null, MODEL, T0, 0,
                List.of("home"), angle(10));
        KnowledgeItem caseDiffers = KnowledgeItem.of(alice, SourceEntityType.CARD, UUID.randomUUID(), "W", null, MODEL, T0, 0,
                List.of("Work", "work-life"), angle(20));
        KnowledgeItem none = item(alice, "none", angle(30));
        index.upsertAll(List.of(work, home, caseDiffers, none));
        assertEquals(ids(work, home), ids(nearest(alice, 10, KnowledgeFilter.ANY.withAnyTag("home", "work"), angle(0))));
        assertEquals(ids(caseDiffers), ids(nearest(alice, 10, KnowledgeFilter.ANY.withAnyTag("work-life"), angle(0))));
    }

    @Test
    void theCreatedAtFilterIsHalfOpen() {
        KnowledgeItem[] byDay = new KnowledgeItem[4];
        for (int d = 0; d < 4; d++) {
            byDay[d] = KnowledgeItem.of(alice, SourceEntityType.MEMORY_UNIT, UUID.randomUUID(), "day " + d, null, MODEL,
                    T0.plusSeconds(86_400L * d), 0, null, angle(d));
            index.upsert(byDay[d]);
        }
        assertEquals(ids(byDay[1], byDay[2]), ids(nearest(alice, 10,
                KnowledgeFilter.ANY.withCreated(byDay[1].createdAt(), byDay[3].createdAt()), angle(0))));
        assertEquals(ids(byDay[2], byDay[3]), ids(nearest(alice, 10, KnowledgeFilter.ANY.withCreated(byDay[2].createdAt(), null), angle(0))));
        assertEquals(ids(byDay[0]), ids(nearest(alice, 10,
                KnowledgeFilter.ANY.withCreated(null, byDay[0].createdAt().plusNanos(1000)), angle(0))));
        assertEquals(List.of(), nearest(alice, 10, KnowledgeFilter.ANY.withCreated(byDay[1].createdAt(), byDay[1].createdAt()), angle(0)));
        assertEquals("createdFrom", assertThrows(InvalidInputException.class,
                () -> KnowledgeFilter.ANY.withCreated(byDay[2].createdAt(), byDay[1].createdAt())).field());
    }

    @Test
    void theImportanceFilterKeepsItemsAtOrAboveTheMinimum() {
        KnowledgeItem[] items = new KnowledgeItem[3];
        double[] scores = {0.2, 0.5, 0.9};
        for (int i = 0; i < 3; i++) {
            items[i] = KnowledgeItem.of(alice, SourceEntityType.CONCEPT, UUID.randomUUID(), "i" + i, null, MODEL, T0,
                    scores[i], null, angle(i * 10));
        }
        index.upsertAll(List.of(items));
        assertEquals(ids(items[1], items[2]), ids(nearest(alice, 10, KnowledgeFilter.ANY.withMinImportance(0.5), angle(0))));
    }

    @Test
    void filtersCombine() {
        KnowledgeItem fits = KnowledgeItem.of(alice, SourceEntityType.CONCEPT, UUID.randomUUID(), "fits", null, MODEL,
                T0, 0.9, List.of("x"), angle(80));
        KnowledgeItem wrongTag = KnowledgeItem.of(alice, SourceEntityType.CONCEPT, UUID.randomUUID(), "tag", null, MODEL,
                T0, 0.9, List.of("y"), angle(0));
        KnowledgeItem wrongType = KnowledgeItem.of(alice, SourceEntityType.CARD, UUID.randomUUID(), "type", null, MODEL,
                T0, 0.9, List.of("x"), angle(0));
        KnowledgeItem tooOld = KnowledgeItem.of(alice, SourceEntityType.CONCEPT, UUID.randomUUID(), "old", null, MODEL,
                T0.minusSeconds(1), 0.9, List.of("x"), angle(0));
        KnowledgeItem unimportant = KnowledgeItem.of(alice, SourceEntityType.CONCEPT, UUID.randomUUID(), "low", null, MODEL,
                T0, 0.1, List.of("x"), angle(0));
        index.upsertAll(List.of(fits, wrongTag, wrongType, tooOld, unimportant));
        KnowledgeFilter all = new KnowledgeFilter(java.util.Set.of(SourceEntityType.CONCEPT), List.of("x"), T0, null, 0.5);
        assertEquals(ids(fits), ids(nearest(alice, 10, all, angle(0))));
        assertEquals(ids(fits), ids(index.hybrid(HybridQuery.of(alice, MODEL, "fits old low type tag", angle(0), 0.5, 10).filtered(all))));
    }

    // --- hybrid search -------------------------------------------------------------------------

    @Test
    void hybridWithAlphaOneRanksAsTheVectorDoes() {
        KnowledgeItem near = item(alice, "nothing in common", angle(5));
        KnowledgeItem far = item(alice, "apple pie", angle(60));
        KnowledgeItem farther = item(alice, "apple", angle(120));
        index.upsertAll(List.of(far, near, farther));
        List<ScoredItem> hits = index.hybrid(HybridQuery.of(alice, MODEL, "apple pie", angle(0), 1.0, 10));
        assertEquals(ids(near, far, farther), ids(hits));
        assertEquals(1.0, hits.get(0).score(), 1e-9);
        assertEquals(0.0, hits.get(2).score(), 1e-9);
    }

    @Test
    void hybridWithAlphaZeroRanksByKeywordsAndKeepsOnlyMatches() {
        KnowledgeItem near = item(alice, "nothing in common", angle(5));
        KnowledgeItem both = KnowledgeItem.of(alice, SourceEntityType.CARD, UUID.randomUUID(), "a pie", "Apple", MODEL,
                T0, 0, null, angle(120));
        KnowledgeItem one = KnowledgeItem.of(alice, SourceEntityType.CARD, UUID.randomUUID(), "just fruit", null, MODEL,
                T0, 0, List.of("apple"), angle(60));
        index.upsertAll(List.of(near, both, one));
        List<ScoredItem> hits = index.hybrid(HybridQuery.of(alice, MODEL, "APPLE, pie!", angle(0), 0.0, 10));
        assertEquals(ids(both, one), ids(hits));
        assertEquals(1.0, hits.get(0).score(), 1e-9);
        assertEquals(0.0, hits.get(1).score(), 1e-9);
    }

    @Test
    void hybridFusesTheNormalisedScoresByAlpha() {
        // vector: a 0°, b 60°, c 90° from the query; keywords: a 0/2, b 2/2, c 1/2
        KnowledgeItem a = item(alice, "unrelated words", angle(0));
        KnowledgeItem b = item(alice, "green tea", angle(60));
        KnowledgeItem c = item(alice, "black tea", angle(90));
        index.upsertAll(List.of(a, b, c));
        List<ScoredItem> hits = index.hybrid(HybridQuery.of(alice, MODEL, "green tea", angle(0), 0.3, 10));
        // normalised vector: a 1, b 0.5, c 0; normalised keyword (a absent): b 1, c 0
        // fused: a 0.3, b 0.3*0.5 + 0.7 = 0.85, c 0
        assertEquals(ids(b, a, c), ids(hits));
        assertEquals(0.85, hits.get(0).score(), 1e-6);
        assertEquals(0.3, hits.get(1).score(), 1e-6);
        assertEquals(0.0, hits.get(2).score(), 1e-6);
    }

    @Test
    void hybridIsAnInvalidInputWithoutAWordOrWithAlphaOutOfRange() {
        assertEquals("text", assertThrows(InvalidInputException.class,
                () -> HybridQuery.of(alice, MODEL, "?! …", angle(0), 0.5, 10)).field());
        assertEquals("alpha", assertThrows(InvalidInputException.class,
                () -> HybridQuery.of(alice, MODEL, "tea", angle(0), 1.5, 10)).field());
        assertEquals("alpha", assertThrows(InvalidInputException.class,
                () -> HybridQuery.of(alice, MODEL, "tea", angle(0), Double.NaN, 10)).field());
        assertEquals("k", assertThrows(InvalidInputException.class,
                () -> NearestQuery.of(alice, MODEL, angle(0), 0)).field());
    }

    // --- against exact search on random data ---------------------------------------------------

    @Test
    void searchesAgreeWithExactRankingOnRandomData() {
        Random random = new Random(20261202);
        int dims = 16;
        List<UserId> users = List.of(alice, bob, UserId.generate());
        List<String> words = List.of("tea", "coffee", "walk", "river", "book", "music", "sleep", "code", "friend", "rain");
        List<KnowledgeItem> written = new ArrayList<>();
        float[][] centres = new float[5][dims];
        for (float[] centre : centres) {
            for (int d = 0; d < dims; d++) {
                centre[d] = (float) random.nextGaussian();
            }
        }
        for (int i = 0; i < 300; i++) {
            float[] centre = centres[random.nextInt(centres.length)];
            float[] v = new float[dims];
            for (int d = 0; d < dims; d++) {
                v[d] = centre[d] + (float) (0.3 * random.nextGaussian());
            }
            String text = words.get(random.nextInt(10)) + " " + words.get(random.nextInt(10));
            written.add(KnowledgeItem.of(users.get(random.nextInt(3)), SourceEntityType.values()[random.nextInt(5)],
                    UUID.randomUUID(), text, random.nextBoolean() ? null : words.get(random.nextInt(10)), MODEL,
                    T0.plusSeconds(random.nextInt(1000)), random.nextInt(10) / 10.0,
                    List.of(words.get(random.nextInt(10))), v));
        }
        for (int i = 0; i < written.size(); i += 50) {
            assertTrue(index.upsertAll(written.subList(i, i + 50)).stream().allMatch(UpsertResult::ok));
        }
        for (int q = 0; q < 40; q++) {
            float[] v = new float[dims];
            for (int d = 0; d < dims; d++) {
                v[d] = (float) random.nextGaussian();
            }
            KnowledgeFilter filter = switch (q % 4) {
                case 0 -> KnowledgeFilter.ANY;
                case 1 -> KnowledgeFilter.ANY.withSourceTypes(SourceEntityType.CONCEPT, SourceEntityType.CARD);
                case 2 -> KnowledgeFilter.ANY.withMinImportance(0.7).withCreated(T0.plusSeconds(200), T0.plusSeconds(800));
                default -> KnowledgeFilter.ANY.withAnyTag(words.get(q % 10));
            };
            UserId user = users.get(q % 3);
            int k = 1 + random.nextInt(12);
            NearestQuery nearest = new NearestQuery(user, MODEL, v, k, filter);
            assertSame(Ranking.nearest(nearest, written), index.nearest(nearest), "nearest #" + q);
            HybridQuery hybrid = new HybridQuery(user, MODEL, words.get(q % 10) + " " + words.get((q * 7) % 10), v,
                    (q % 5) / 4.0, k, filter);
            List<ScoredItem> vectorList = Ranking.nearest(hybrid.vectorPart(Ranking.hybridDepth(k)), written);
            assertSame(Ranking.hybrid(hybrid, vectorList, written), index.hybrid(hybrid), "hybrid #" + q);
        }
    }

    private static void assertSame(List<ScoredItem> expected, List<ScoredItem> actual, String what) {
        assertEquals(ids(expected), ids(actual), what);
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).score(), actual.get(i).score(), 1e-9, what);
            assertEquals(expected.get(i).item(), actual.get(i).item(), what);
        }
    }
}
