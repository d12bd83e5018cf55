package io.plinth.cli;

import io.plinth.graph.Outbox;
import io.plinth.tenancy.UserId;
import io.plinth.testkit.vector.InMemorySemanticIndex;
import io.plinth.vector.KnowledgeFilter;
import io.plinth.vector.NearestQuery;
import io.plinth.vector.ScoredItem;
import io.plinth.vector.feed.VectorProjector;
import io.plinth.vector.minilm.MiniLmEmbedder;
import java.time.Duration;
import java.util.List;

/**
 * The memory companion's semantic search, part of {@code plinth demo}: the story's rows are fed from
 * PostgreSQL's outbox through the same {@link VectorProjector} an application runs, embedded by
 * all-MiniLM-L6-v2 in process, into the in-memory exact index; then a question in words is embedded and
 * the user's nearest items answer it.
 */
final class SemanticScenario {
    /** The question the demo asks. */
    static final String QUESTION = "How is my knee doing since the injury?";
    /** The consumer the demo's projector reads under, so it never moves an application's vector-index checkpoint. */
    static final String CONSUMER = "plinth-demo-vector";
    private static final int ANSWERS = 3;

    private final Outbox outbox;

    SemanticScenario(Outbox outbox) {
        this.outbox = outbox;
    }

    /** What was indexed and what answered the question. */
    record Outcome(String question, long items, long records, long loadNanos, long feedNanos, List<ScoredItem> answers) {
    }

    Outcome run(UserId user) {
        long started = System.nanoTime();
        MiniLmEmbedder embedder = new MiniLmEmbedder();
        long loaded = System.nanoTime();
        try (InMemorySemanticIndex index = new InMemorySemanticIndex();
             VectorProjector projector = new VectorProjector(outbox, index, embedder, CONSUMER)) {
            long records = projector.runUntilCaughtUp(Duration.ofMinutes(1));
            long fed = System.nanoTime();
            List<ScoredItem> answers = index.nearest(new NearestQuery(user, embedder.modelVersion(), embedder.embed(QUESTION),
                    ANSWERS, KnowledgeFilter.ANY));
            return new Outcome(QUESTION, index.count(user), records, loaded - started, fed - loaded, answers);
        }
    }
}
