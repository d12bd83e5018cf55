package io.plinth.vector.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.plinth.graph.Outbox;
import io.plinth.postgres.PostgresStore;
import io.plinth.testkit.vector.InMemorySemanticIndex;
import io.plinth.vector.KnowledgeFilter;
import io.plinth.vector.NearestQuery;
import io.plinth.vector.ScoredItem;
import io.plinth.vector.SourceEntityType;
import io.plinth.vector.minilm.MiniLmEmbedder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The feed with real embeddings (all-MiniLM-L6-v2 in process): a question finds the row that answers it. */
class MiniLmFeedTest {
    @Test
    void aQuestionInWordsFindsTheMemoryThatAnswersIt() {
        TestFeed.reset();
        PostgresStore pg = TestFeed.postgres();
        Outbox outbox = pg.outbox();
        MiniLmEmbedder embedder = new MiniLmEmbedder();
        InMemorySemanticIndex index = new InMemorySemanticIndex();
        VectorProjectorTest.Sample ada = VectorProjectorTest.sample(pg, "ada");
        new VectorProjector(outbox, index, embedder).runUntilCaughtUp();
        assertEquals(List.of(), new VectorVerifier(outbox, index, MiniLmEmbedder.MODEL_VERSION).verify());
        List<ScoredItem> hits = index.nearest(new NearestQuery(ada.user(), MiniLmEmbedder.MODEL_VERSION,
                embedder.embed("When did I go swimming?"), 1, KnowledgeFilter.ANY.withSourceTypes(
                        SourceEntityType.CONVERSATION_MESSAGE, SourceEntityType.MEMORY_UNIT)));
        assertEquals(ada.message().id().value(), hits.get(0).item().sourceEntityId(), hits.toString());
    }
}
