package io.plinth.vector.minilm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plinth.core.InvalidInputException;
import io.plinth.tenancy.UserId;
import io.plinth.testkit.vector.InMemorySemanticIndex;
import io.plinth.vector.HybridQuery;
import io.plinth.vector.KnowledgeItem;
import io.plinth.vector.NearestQuery;
import io.plinth.vector.Ranking;
import io.plinth.vector.ScoredItem;
import io.plinth.vector.SourceEntityType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MiniLmEmbedderTest {
    private static MiniLmEmbedder embedder;

    @BeforeAll
    static void load() {
        embedder = new MiniLmEmbedder();
    }

    @Test
    void vectorsHave384Dimensions() {
        assertEquals(384, embedder.dimensions());
        assertEquals(384, embedder.embed("hello").length);
    }

    @Test
    void similarSentencesScoreHigherThanUnrelatedOnes() {
        float[] cat = embedder.embed("The cat is sleeping on the sofa.");
        float[] kitten = embedder.embed("A kitten naps on the couch.");
        float[] market = embedder.embed("Interest rates rose sharply on the stock market today.");
        double similar = Ranking.cosine(cat, kitten);
        double unrelated = Ranking.cosine(cat, market);
        assertTrue(similar > unrelated + 0.3, "similar " + similar + ", unrelated " + unrelated);
    }

    @Test
    void theSameTextGivesTheSameVectorAloneOrInABatch() {
        List<float[]> batch = embedder.embedAll(List.of("first text", "second text"));
        assertArrayEquals(embedder.embed("second text"), batch.get(1), 1e-5f);
    }

    @Test
    void blankTextIsAnInvalidInput() {
        assertEquals("text", assertThrows(InvalidInputException.class, () -> embedder.embed(" ")).field());
    }

    @Test
    void aMemoryIsFoundByAQuestionInOtherWords() {
        UserId user = UserId.generate();
        List<String> memories = List.of(
                "I adopted a grey cat called Pixel last spring.",
                "My sister moved to Lisbon for a new job.",
                "I started learning to play the cello in September.",
                "The quarterly budget review is due on Friday.");
        try (InMemorySemanticIndex index = new InMemorySemanticIndex()) {
            List<float[]> vectors = embedder.embedAll(memories);
            for (int i = 0; i < memories.size(); i++) {
                index.upsert(KnowledgeItem.of(user, SourceEntityType.MEMORY_UNIT, UUID.randomUUID(), memories.get(i), null,
                        embedder.modelVersion(), Instant.EPOCH, 0.5, List.of(), vectors.get(i)));
            }
            float[] question = embedder.embed("Which pet do I have?");
            List<ScoredItem> hits = index.nearest(NearestQuery.of(user, embedder.modelVersion(), question, 1));
            assertEquals(memories.get(0), hits.get(0).item().textContent());
            List<ScoredItem> hybrid = index.hybrid(HybridQuery.of(user, embedder.modelVersion(), "cello lessons",
                    embedder.embed("cello lessons"), 0.5, 1));
            assertEquals(memories.get(2), hybrid.get(0).item().textContent());
        }
    }
}
