package io.plinth.vector.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plinth.core.Json;
import io.plinth.graph.Outbox;
import io.plinth.memory.ArtifactType;
import io.plinth.memory.Card;
import io.plinth.memory.CardSourceType;
import io.plinth.memory.Concept;
import io.plinth.memory.Conversation;
import io.plinth.memory.DerivedArtifact;
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
import io.plinth.vector.SemanticIndex;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The crash test: writers create, change and delete every kind of source (and whole users, and units of
 * work they roll back) while projectors are started and stopped mid-batch, and the index fails a share of
 * its writes after doing them (a crash between the index's write and the acknowledgement). Afterwards one
 * more projector catches up and the verifier finds no difference. Bounded: a few hundred writes.
 */
abstract class FeedCrashContract {
    private static final Logger LOG = LoggerFactory.getLogger(FeedCrashContract.class);
    private static final int WRITERS = 3;

    /** An index holding no item. */
    protected abstract SemanticIndex emptyIndex();

    /** How many writes each writer makes. */
    protected int writes() {
        return 120;
    }

    @Test
    void afterCrashesAndRestartsTheIndexEqualsPostgreSQL() throws Exception {
        long seed = Long.getLong("plinth.crash.seed", System.nanoTime());
        LOG.info("crash test seed {} (replay with -Dplinth.crash.seed={})", seed, seed);
        TestFeed.reset();
        PostgresStore pg = TestFeed.postgres();
        Outbox outbox = pg.outbox();
        HashingEmbedder embedder = new HashingEmbedder();
        try (CrashingIndex index = new CrashingIndex(emptyIndex(), seed, 0.2)) {
            AtomicBoolean writing = new AtomicBoolean(true);
            ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                long writerSeed = seed + w;
                int writer = w;
                writers.add(pool.submit(() -> {
                    new Writer(pg, new Random(writerSeed), "w" + writer).run(writes());
                    return null;
                }));
            }
            Random random = new Random(seed);
            int restarts = 0;
            Thread watcher = new Thread(() -> {
                for (Future<?> f : writers) {
                    try {
                        f.get(120, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
                writing.set(false);
            });
            watcher.start();
            while (writing.get() || restarts < 10) { // at least ten, however fast the writers are
                VectorProjector projector = new VectorProjector(outbox, index, embedder).batchSize(1 + random.nextInt(20));
                if (random.nextBoolean()) {
                    projector.start();
                    Thread.sleep(20 + random.nextInt(150));
                    projector.stop(); // mid-batch, maybe
                } else {
                    try {
                        projector.runOnce();
                    } catch (RuntimeException crashed) {
                        // the process died here; the next one starts from the checkpoint
                    }
                }
                restarts++;
            }
            watcher.join();
            for (Future<?> f : writers) {
                f.get(); // a writer's failure fails the test
            }
            pool.shutdown();
            index.crashing = false;
            new VectorProjector(outbox, index, embedder).runUntilCaughtUp(Duration.ofMinutes(2));
            List<VectorDifference> differences = new VectorVerifier(outbox, index, embedder.modelVersion()).verify();
            assertEquals(List.of(), differences, "seed " + seed);
            assertTrue(index.crashes.get() > 0, "the index crashed some writes (seed " + seed + ")");
            long items = outbox.users().stream().mapToLong(index::count).sum();
            assertTrue(items > 0, "something is indexed");
            LOG.info("crash test: {} restarts, {} crashed writes, {} items at the end", restarts, index.crashes.get(), items);
        }
    }

    /** One writer: its own user (deleted and replaced now and then) and random changes to its sources. */
    private static final class Writer {
        private final PostgresStore pg;
        private final Random random;
        private final String name;
        private UserId user;
        private int generation;
        private final List<MemoryUnit> units = new ArrayList<>();
        private final List<Concept> concepts = new ArrayList<>();
        private final List<DerivedArtifact> artifacts = new ArrayList<>();
        private final List<Conversation> talks = new ArrayList<>();
        private final List<Card> cards = new ArrayList<>();
        private int counter;

        Writer(PostgresStore pg, Random random, String name) {
            this.pg = pg;
            this.random = random;
            this.name = name;
            newUser();
        }

        private void newUser() {
            user = pg.users().create(NewUser.of(name + "-" + (generation++) + "@example.com", name)).id();
            units.clear();
            concepts.clear();
            artifacts.clear();
            talks.clear();
            cards.clear();
        }

        private String words() {
            String[] vocabulary = {"sea", "walk", "rain", "dawn", "friend", "book", "music", "garden", "city", "train"};
            StringBuilder text = new StringBuilder();
            for (int i = 0, n = 2 + random.nextInt(5); i < n; i++) {
                text.append(i == 0 ? "" : " ").append(vocabulary[random.nextInt(vocabulary.length)]);
            }
            return text.toString();
        }

        void run(int writes) {
            for (int i = 0; i < writes; i++) {
                int op = random.nextInt(100);
                counter++;
                if (op < 2) {
                    pg.users().delete(user);
                    newUser();
                } else if (op < 14 || units.isEmpty()) {
                    units.add(pg.memoryUnits().create(new NewMemoryUnit(user, words(), words(), Instant.now(),
                            random.nextDouble(), null, null)));
                } else if (op < 24) {
                    int at = random.nextInt(units.size());
                    units.set(at, pg.memoryUnits().update(units.get(at).withContent(words()).withTitle(words())));
                } else if (op < 28) {
                    MemoryUnit gone = units.remove(random.nextInt(units.size()));
                    pg.memoryUnits().delete(user, gone.id()); // its cards keep their rows (no foreign key)
                } else if (op < 38 || concepts.isEmpty()) {
                    concepts.add(pg.concepts().create(new NewConcept(user, "c" + counter, "topic",
                            random.nextBoolean() ? words() : null, random.nextDouble(), null)));
                } else if (op < 46) {
                    int at = random.nextInt(concepts.size());
                    concepts.set(at, pg.concepts().update(concepts.get(at).withDescription(random.nextBoolean() ? words() : null)));
                } else if (op < 49) {
                    Concept gone = concepts.remove(random.nextInt(concepts.size()));
                    pg.concepts().delete(user, gone.id());
                } else if (op < 57 || artifacts.isEmpty()) {
                    artifacts.add(pg.artifacts().create(new NewDerivedArtifact(user, ArtifactType.INSIGHT_SUMMARY, words(),
                            random.nextBoolean() ? words() : null, null, null, null)));
                } else if (op < 62) {
                    int at = random.nextInt(artifacts.size());
                    artifacts.set(at, pg.artifacts().update(artifacts.get(at).withContentNarrative(words())));
                } else if (op < 65) {
                    pg.artifacts().delete(user, artifacts.remove(random.nextInt(artifacts.size())).id());
                } else if (op < 70 || talks.isEmpty()) {
                    talks.add(pg.conversations().create(new NewConversation(user, words(), null, null, null, null)));
                } else if (op < 82) {
                    Conversation talk = talks.get(random.nextInt(talks.size()));
                    pg.messages().create(new NewConversationMessage(user, talk.id(),
                            random.nextBoolean() ? MessageRole.USER : MessageRole.ASSISTANT, words(), null, List.of()));
                } else if (op < 84) {
                    pg.conversations().delete(user, talks.remove(random.nextInt(talks.size())).id());
                } else if (op < 90) {
                    cards.add(pg.cards().create(new NewCard(user, "memory", units.get(random.nextInt(units.size())).id().value(),
                            CardSourceType.MEMORY_UNIT, Json.parse("{\"title\": \"" + words() + "\"}"))));
                } else if (op < 94 && !cards.isEmpty()) {
                    int at = random.nextInt(cards.size());
                    cards.set(at, pg.cards().update(cards.get(at).withDisplayData(
                            random.nextBoolean() ? Json.parse("{\"body\": \"" + words() + "\"}") : null)));
                } else if (op < 96 && !cards.isEmpty()) {
                    pg.cards().delete(user, cards.remove(random.nextInt(cards.size())).id());
                } else {
                    try { // a unit of work that changes several sources and is rolled back: no effect
                        pg.inTransaction(tx -> {
                            tx.memoryUnits().create(new NewMemoryUnit(user, "never", words(), Instant.now(), null, null, null));
                            tx.concepts().create(new NewConcept(user, "never" + counter, "topic", null, null, null));
                            throw new IllegalStateException("rolled back");
                        });
                    } catch (IllegalStateException expected) {
                        // nothing was written
                    }
                }
            }
        }
    }
}
