package io.plinth.vector.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plinth.core.Json;
import io.plinth.graph.Outbox;
import io.plinth.graph.OutboxChange;
import io.plinth.memory.ArtifactType;
import io.plinth.memory.CardSourceType;
import io.plinth.memory.Concept;
import io.plinth.memory.Conversation;
import io.plinth.memory.ConversationMessage;
import io.plinth.memory.MemoryUnit;
import io.plinth.memory.MessageRole;
import io.plinth.memory.NewCard;
import io.plinth.memory.NewConcept;
import io.plinth.memory.NewConversation;
import io.plinth.memory.NewConversationMessage;
import io.plinth.memory.NewDerivedArtifact;
import io.plinth.memory.NewMemoryUnit;
import io.plinth.postgres.PostgresStore;
import io.plinth.tenancy.NewUser;
import io.plinth.tenancy.UserId;
import io.plinth.testkit.vector.InMemorySemanticIndex;
import io.plinth.vector.KnowledgeItem;
import io.plinth.vector.NearestQuery;
import io.plinth.vector.KnowledgeFilter;
import io.plinth.vector.SourceEntityType;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The feed's guarantees, on rows written through a PostgresStore and fed into the in-memory index. */
class VectorProjectorTest {
    private final HashingEmbedder embedder = new HashingEmbedder();
    private PostgresStore pg;
    private Outbox outbox;
    private InMemorySemanticIndex index;
    private VectorProjector projector;

    @BeforeEach
    void empty() {
        TestFeed.reset();
        pg = TestFeed.postgres();
        outbox = pg.outbox();
        index = new InMemorySemanticIndex();
        projector = new VectorProjector(outbox, index, embedder);
    }

    /** A user with one source of each type: a memory unit, a concept, an artifact, a message and a card. */
    record Sample(UserId user, MemoryUnit walk, Concept sea, Conversation talk, ConversationMessage message) {
    }

    static Sample sample(PostgresStore pg, String name) {
        UserId u = pg.users().create(NewUser.of(name + "@example.com", name)).id();
        MemoryUnit walk = pg.memoryUnits().create(new NewMemoryUnit(u, "Walk", "A long walk by the sea at dawn",
                Instant.parse("2026-01-02T03:04:05.123456Z"), 0.8, null, null));
        Concept sea = pg.concepts().create(new NewConcept(u, "sea", "place", "salt water and waves", 0.6, null));
        pg.artifacts().create(new NewDerivedArtifact(u, ArtifactType.INSIGHT_SUMMARY, "Seaside", "You feel calm by the sea",
                null, walk.id(), sea.id()));
        Conversation talk = pg.conversations().create(new NewConversation(u, "Evening", null, null, null, null));
        ConversationMessage message = pg.messages().create(new NewConversationMessage(u, talk.id(), MessageRole.USER,
                "I swam in the cold sea today", null, List.of()));
        pg.cards().create(new NewCard(u, "memory", walk.id().value(), CardSourceType.MEMORY_UNIT,
                Json.parse("{\"title\": \"Dawn walk\", \"subtitle\": \"by the sea\", \"count\": 3}")));
        return new Sample(u, walk, sea, talk, message);
    }

    private VectorVerifier verifier() {
        return new VectorVerifier(outbox, index, embedder.modelVersion());
    }

    @Test
    void everySourceIsIndexedAsItsRowGivesIt() {
        Sample ada = sample(pg, "ada");
        Sample bob = sample(pg, "bob");
        assertTrue(projector.lag() > 0);
        projector.runUntilCaughtUp();
        assertEquals(0, projector.lag());
        assertEquals(List.of(), verifier().verify());
        assertEquals(5, index.count(ada.user()));
        assertEquals(5, index.count(bob.user()));
        KnowledgeItem walk = index.find(ada.user(), SourceEntityType.MEMORY_UNIT, ada.walk().id().value()).orElseThrow();
        assertEquals("Walk", walk.title());
        assertEquals("A long walk by the sea at dawn", walk.textContent());
        assertEquals(Instant.parse("2026-01-02T03:04:05.123456Z"), walk.createdAt());
        assertEquals(0.8, walk.importanceScore());
        assertEquals(embedder.modelVersion(), walk.embeddingModelVersion());
        assertEquals(embedder.embed("Walk\nA long walk by the sea at dawn").length, walk.dimensions());
        KnowledgeItem sea = index.find(ada.user(), SourceEntityType.CONCEPT, ada.sea().id().value()).orElseThrow();
        assertEquals("sea: salt water and waves", sea.textContent());
        assertEquals(List.of("place"), sea.tags());
        KnowledgeItem message = index.find(ada.user(), SourceEntityType.CONVERSATION_MESSAGE, ada.message().id().value()).orElseThrow();
        assertEquals(List.of("user"), message.tags());
        KnowledgeItem card = index.scan(null, 100).stream()
                .filter(i -> i.sourceEntityType() == SourceEntityType.CARD && i.userId().equals(ada.user())).findFirst().orElseThrow();
        assertEquals("Dawn walk", card.title());
        assertEquals("by the sea", card.textContent());
        assertEquals(List.of("memory", "MemoryUnit"), card.tags());
        // and the index answers with them
        var hits = index.nearest(new NearestQuery(ada.user(), embedder.modelVersion(), embedder.embed("swam cold sea"), 1,
                KnowledgeFilter.ANY));
        assertEquals(ada.message().id().value(), hits.get(0).item().sourceEntityId());
    }

    @Test
    void changingARowReindexesItsItemAndDeletingRemovesIt() {
        Sample ada = sample(pg, "ada");
        projector.runUntilCaughtUp();
        pg.memoryUnits().update(ada.walk().withContent("A short walk in the rain"));
        projector.runUntilCaughtUp();
        assertEquals("A short walk in the rain",
                index.find(ada.user(), SourceEntityType.MEMORY_UNIT, ada.walk().id().value()).orElseThrow().textContent());
        pg.concepts().delete(ada.user(), ada.sea().id());
        pg.conversations().delete(ada.user(), ada.talk().id()); // cascades to its message
        projector.runUntilCaughtUp();
        assertFalse(index.find(ada.user(), SourceEntityType.CONCEPT, ada.sea().id().value()).isPresent());
        assertFalse(index.find(ada.user(), SourceEntityType.CONVERSATION_MESSAGE, ada.message().id().value()).isPresent());
        assertEquals(3, index.count(ada.user()));
        assertEquals(List.of(), verifier().verify());
    }

    @Test
    void deletingAUserRemovesEveryItemOfTheUserOnly() {
        Sample ada = sample(pg, "ada");
        Sample bob = sample(pg, "bob");
        projector.runUntilCaughtUp();
        pg.users().delete(ada.user());
        projector.runUntilCaughtUp();
        assertEquals(0, index.count(ada.user()));
        assertEquals(5, index.count(bob.user()));
        assertEquals(List.of(), verifier().verify());
    }

    @Test
    void aRowWithoutTextHasNoItem() {
        Sample ada = sample(pg, "ada");
        pg.cards().create(new NewCard(ada.user(), "empty", ada.walk().id().value(), CardSourceType.MEMORY_UNIT,
                Json.parse("{\"count\": 3}")));
        projector.runUntilCaughtUp();
        assertEquals(5, index.count(ada.user()));
        assertEquals(List.of(), verifier().verify());
    }

    @Test
    void aBatchAppliedButNotAcknowledgedIsAppliedAgainToTheSameEffect() {
        sample(pg, "ada");
        List<OutboxChange> batch = outbox.poll(VectorProjector.CONSUMER, 1000);
        projector.apply(batch); // the index took the batch; the process dies before acknowledging it
        List<KnowledgeItem> before = index.scan(null, 100);
        VectorProjector restarted = new VectorProjector(outbox, index, embedder);
        assertTrue(restarted.runUntilCaughtUp() >= batch.size(), "the batch is read again");
        assertEquals(before, index.scan(null, 100));
        assertEquals(List.of(), verifier().verify());
    }

    @Test
    void theProjectorResumesFromItsCheckpoint() {
        Sample ada = sample(pg, "ada");
        projector.runUntilCaughtUp();
        projector.close();
        pg.memoryUnits().update(ada.walk().withTitle("Dawn"));
        VectorProjector restarted = new VectorProjector(outbox, index, embedder);
        assertEquals(1, restarted.runUntilCaughtUp(), "only the change made since");
        assertEquals("Dawn", index.find(ada.user(), SourceEntityType.MEMORY_UNIT, ada.walk().id().value()).orElseThrow().title());
    }

    @Test
    void theBackgroundThreadFollowsChanges() throws Exception {
        projector.start();
        try {
            Sample ada = sample(pg, "ada");
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (index.count(ada.user()) < 5 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(5, index.count(ada.user()));
        } finally {
            projector.stop();
        }
        assertEquals(List.of(), verifier().verify());
    }
}
