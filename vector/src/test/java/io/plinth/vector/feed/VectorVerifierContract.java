package io.plinth.vector.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.plinth.graph.Outbox;
import io.plinth.postgres.PostgresStore;
import io.plinth.tenancy.UserId;
import io.plinth.vector.KnowledgeItem;
import io.plinth.vector.SemanticIndex;
import io.plinth.vector.SourceEntityType;
import io.plinth.vector.feed.VectorDifference.Kind;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What {@link VectorVerifier} finds, on each index: one subclass per store. */
abstract class VectorVerifierContract {
    private final HashingEmbedder embedder = new HashingEmbedder();
    private PostgresStore pg;
    private Outbox outbox;
    private SemanticIndex index;
    private VectorProjectorTest.Sample ada;

    /** An index holding no item. */
    protected abstract SemanticIndex emptyIndex();

    @BeforeEach
    void fed() {
        TestFeed.reset();
        pg = TestFeed.postgres();
        outbox = pg.outbox();
        index = emptyIndex();
        ada = VectorProjectorTest.sample(pg, "ada");
        VectorProjectorTest.sample(pg, "bob");
        new VectorProjector(outbox, index, embedder).runUntilCaughtUp();
    }

    @AfterEach
    void close() {
        index.close();
    }

    private List<VectorDifference> verify() {
        return new VectorVerifier(outbox, index, embedder.modelVersion()).verify();
    }

    private KnowledgeItem walk() {
        return index.find(ada.user(), SourceEntityType.MEMORY_UNIT, ada.walk().id().value()).orElseThrow();
    }

    @Test
    void aFedIndexHasNoDifference() {
        assertEquals(List.of(), verify());
    }

    @Test
    void anItemTheIndexLacksIsMissing() {
        index.deleteBySource(ada.user(), SourceEntityType.CONCEPT, ada.sea().id().value());
        assertEquals(List.of(new VectorDifference(Kind.MISSING, SourceEntityType.CONCEPT, ada.sea().id().value(), ada.user(),
                "in PostgreSQL, not in the index")), verify());
    }

    @Test
    void anItemWhoseTextTitleOrModelDifferFromItsRowIsStaleNamingTheFields() {
        KnowledgeItem walk = walk();
        index.upsert(walk.withContent("another text", "another title", walk.embeddingModelVersion(), walk.vector()));
        assertEquals(List.of(new VectorDifference(Kind.STALE, SourceEntityType.MEMORY_UNIT, ada.walk().id().value(), ada.user(),
                "title, textContent differ from the row")), verify());
        SourceItem row = SourceItem.of(outbox.rows(ada.user()).stream()
                .filter(r -> r.id().equals(ada.walk().id().value())).findFirst().orElseThrow()).orElseThrow();
        index.deleteBySource(ada.user(), SourceEntityType.MEMORY_UNIT, ada.walk().id().value());
        index.upsert(row.item("another-model", new float[] {1, 2}));
        assertEquals(List.of(new VectorDifference(Kind.STALE, SourceEntityType.MEMORY_UNIT, ada.walk().id().value(), ada.user(),
                "embeddingModelVersion differ from the row")), verify());
    }

    @Test
    void anItemNoRowGivesIsOrphaned() {
        UUID gone = UUID.randomUUID();
        UserId stranger = UserId.generate();
        index.upsert(KnowledgeItem.of(stranger, SourceEntityType.CARD, gone, "left behind", null, embedder.modelVersion(),
                Instant.parse("2026-01-01T00:00:00Z"), 0, List.of(), embedder.embed("left behind")));
        assertEquals(List.of(new VectorDifference(Kind.ORPHANED, SourceEntityType.CARD, gone, stranger,
                "in the index, no row in PostgreSQL gives it")), verify());
    }

    @Test
    void everyKindIsListedMissingFirstThenStaleThenOrphaned() {
        pg.users().delete(ada.user()); // not fed: five orphans
        KnowledgeItem stale = index.scan(null, 100).stream().filter(i -> !i.userId().equals(ada.user())).findFirst().orElseThrow();
        index.upsert(stale.withContent("changed", stale.title(), stale.embeddingModelVersion(), stale.vector()));
        UUID unindexed = pg.memoryUnits().create(new io.plinth.memory.NewMemoryUnit(stale.userId(), "New", "not fed yet",
                Instant.parse("2026-02-01T00:00:00Z"), null, null, null)).id().value();
        List<VectorDifference> found = verify();
        assertEquals(7, found.size(), found.toString());
        assertEquals(new VectorDifference(Kind.MISSING, SourceEntityType.MEMORY_UNIT, unindexed, stale.userId(),
                "in PostgreSQL, not in the index"), found.get(0));
        assertEquals(Kind.STALE, found.get(1).kind());
        assertEquals(stale.sourceEntityId(), found.get(1).sourceId());
        assertEquals(5, found.stream().filter(d -> d.kind() == Kind.ORPHANED && d.userId().equals(ada.user())).count());
    }
}
