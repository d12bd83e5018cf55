package io.plinth.graph.neo4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plinth.core.PlinthException;
import io.plinth.graph.Outbox;
import io.plinth.memory.ArtifactType;
import io.plinth.memory.CommunityId;
import io.plinth.memory.ConceptId;
import io.plinth.memory.MemoryUnitId;
import io.plinth.memory.NewCommunity;
import io.plinth.memory.NewConcept;
import io.plinth.memory.NewConceptRelation;
import io.plinth.memory.NewDerivedArtifact;
import io.plinth.memory.NewMemoryUnit;
import io.plinth.memory.NewMention;
import io.plinth.postgres.PostgresStore;
import io.plinth.tenancy.NewUser;
import io.plinth.tenancy.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The projection loses nothing: many threads write through a PostgresStore (units of work of several rows,
 * updates, merges, deletes, a user's cascade) while the projector is stopped and restarted mid-batch, a
 * batch is applied to Neo4j without being acknowledged (a crash between the two), and the projector's
 * Neo4j connection is cut (its driver closed and a new one made). Afterwards the graph equals PostgreSQL
 * exactly. Bounded: a fixed number of operations per thread.
 */
class GraphReliabilityTest {
    private static final int WRITERS = 6;
    private static final int OPERATIONS = 80;

    private final Map<UserId, List<ConceptId>> concepts = new ConcurrentHashMap<>();
    private final Map<UserId, List<MemoryUnitId>> units = new ConcurrentHashMap<>();
    private final Map<UserId, List<CommunityId>> communities = new ConcurrentHashMap<>();
    private final List<UserId> users = new CopyOnWriteArrayList<>();
    private final AtomicInteger names = new AtomicInteger();

    @Test
    void afterStopsCrashesAndCutConnectionsTheGraphEqualsPostgreSQL() throws Exception {
        TestGraph.reset();
        PostgresStore pg = TestGraph.postgres();
        Neo4jGraphStore graph = TestGraph.graph();
        Outbox outbox = pg.outbox();
        Projector projector = graph.projector(outbox).batchSize(25);
        for (int i = 0; i < 4; i++) {
            newUser(pg);
        }
        projector.start();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<Future<Integer>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.add(pool.submit(() -> write(pg, writer)));
        }
        int stops = 0;
        int crashes = 0;
        int cuts = 0;
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int round = 0; round < 15 || writers.stream().anyMatch(f -> !f.isDone()); round++) {
            Thread.sleep(random.nextInt(20, 150));
            switch (round % 3) {
                case 0 -> {
                    projector.stop();
                    stops++;
                    projector.start();
                }
                case 1 -> {
                    projector.stop();
                    projector.apply(outbox.poll(Projector.CONSUMER, 25)); // Neo4j commits, the acknowledgement never comes
                    crashes++;
                    projector.start();
                }
                default -> {
                    graph.reconnect();
                    cuts++;
                }
            }
        }
        int succeeded = 0;
        for (Future<Integer> f : writers) {
            succeeded += f.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();
        projector.stop();
        projector.runUntilCaughtUp();
        assertEquals(0, projector.lag());
        assertTrue(succeeded > WRITERS * OPERATIONS / 2, "most writes succeeded: " + succeeded);
        assertEquals(List.of(), graph.verifier(outbox).verify());
        System.out.printf("reliability: %d writes, %d stops, %d unacknowledged batches, %d cut connections, %d failed batches; "
                + "graph equals PostgreSQL%n", succeeded, stops, crashes, cuts, projector.failedBatches());
    }

    private int write(PostgresStore pg, int writer) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int succeeded = 0;
        for (int i = 0; i < OPERATIONS; i++) {
            UserId u = users.get(random.nextInt(users.size()));
            try {
                Thread.sleep(random.nextInt(0, 10));
                switch (random.nextInt(12)) {
                    case 0 -> communities.get(u).add(pg.communities().create(new NewCommunity(u, "c" + names.incrementAndGet(), null)).id());
                    case 1 -> units.get(u).add(pg.memoryUnits().create(new NewMemoryUnit(u, "m" + names.incrementAndGet(), "text",
                            Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i), null, null, null)).id());
                    case 2, 3 -> concepts.get(u).add(pg.concepts().create(new NewConcept(u, "k" + names.incrementAndGet(), "t", null, null,
                            any(random, communities.get(u)))).id());
                    case 4 -> pg.inTransaction(tx -> { // a concept and its relation: both or neither
                        ConceptId to = any(random, concepts.get(u));
                        ConceptId made = tx.concepts().create(new NewConcept(u, "k" + names.incrementAndGet(), "t", null, null, null)).id();
                        if (to != null) {
                            tx.conceptRelations().create(new NewConceptRelation(u, made, to, 0.1 + random.nextDouble(0.9), "w" + writer));
                        }
                        concepts.get(u).add(made);
                        return null;
                    });
                    case 5 -> pg.conceptRelations().create(new NewConceptRelation(u, any(random, concepts.get(u)), any(random, concepts.get(u)),
                            0.1 + random.nextDouble(0.9), "w" + writer));
                    case 6 -> pg.mentions().create(new NewMention(u, any(random, units.get(u)), any(random, concepts.get(u)), 0.5));
                    case 7 -> pg.concepts().merge(u, any(random, concepts.get(u)), any(random, concepts.get(u)));
                    case 8 -> {
                        var concept = pg.concepts().get(u, any(random, concepts.get(u)));
                        pg.concepts().update(concept.withCommunityId(any(random, communities.get(u))));
                    }
                    case 9 -> pg.concepts().delete(u, any(random, concepts.get(u)));
                    case 10 -> pg.artifacts().create(new NewDerivedArtifact(u, ArtifactType.TROPHY, "a" + names.incrementAndGet(), null, null,
                            any(random, units.get(u)), any(random, concepts.get(u))));
                    default -> {
                        if (writer == 0 && i % 40 == 39) { // a user goes, with every row of theirs; another comes
                            users.remove(u);
                            pg.users().delete(u);
                            newUser(pg);
                        } else {
                            pg.memoryUnits().delete(u, any(random, units.get(u)));
                        }
                    }
                }
                succeeded++;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return succeeded;
            } catch (PlinthException | NullPointerException e) {
                // a row another thread deleted, a merge already made, an id not drawn yet (null): refused, nothing written
            }
        }
        return succeeded;
    }

    private void newUser(PostgresStore pg) {
        UserId u = pg.users().create(NewUser.of("u" + names.incrementAndGet() + "@example.com", "U")).id();
        concepts.put(u, new CopyOnWriteArrayList<>());
        units.put(u, new CopyOnWriteArrayList<>());
        communities.put(u, new CopyOnWriteArrayList<>());
        users.add(u);
    }

    private static <T> T any(ThreadLocalRandom random, List<T> ids) {
        return ids == null || ids.isEmpty() ? null : ids.get(random.nextInt(ids.size()));
    }
}
