package io.plinth.graph.neo4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plinth.graph.Outbox;
import io.plinth.graph.OutboxChange;
import io.plinth.memory.ArtifactType;
import io.plinth.memory.Community;
import io.plinth.memory.Concept;
import io.plinth.memory.MemoryUnit;
import io.plinth.memory.NewCommunity;
import io.plinth.memory.NewConcept;
import io.plinth.memory.NewConceptRelation;
import io.plinth.memory.NewDerivedArtifact;
import io.plinth.memory.NewMemoryUnit;
import io.plinth.memory.NewMention;
import io.plinth.postgres.PostgresStore;
import io.plinth.tenancy.NewUser;
import io.plinth.tenancy.User;
import io.plinth.tenancy.UserId;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;

/** The projector's guarantees, each on data written through a PostgresStore and projected into the in-process Neo4j. */
class ProjectorTest {
    private PostgresStore pg;
    private Neo4jGraphStore graph;
    private Outbox outbox;
    private Projector projector;

    @BeforeEach
    void empty() {
        TestGraph.reset();
        pg = TestGraph.postgres();
        graph = TestGraph.graph();
        outbox = pg.outbox();
        projector = graph.projector(outbox);
    }

    /** A user with a community, two memory units, three concepts, mentions, relations, a merge and an artifact. */
    static UserId sample(PostgresStore pg, String name) {
        User user = pg.users().create(NewUser.of(name + "@example.com", name));
        UserId u = user.id();
        Community community = pg.communities().create(new NewCommunity(u, "Sea", null));
        MemoryUnit walk = pg.memoryUnits().create(new NewMemoryUnit(u, "Walk", "by the sea", Instant.parse("2026-01-02T03:04:05.123456Z"), null, null, null));
        MemoryUnit swim = pg.memoryUnits().create(new NewMemoryUnit(u, "Swim", "in the sea", Instant.parse("2026-01-03T00:00:00Z"), null, null, null));
        Concept sea = pg.concepts().create(new NewConcept(u, "sea", "place", null, null, community.id()));
        Concept salt = pg.concepts().create(new NewConcept(u, "salt", "thing", null, null, community.id()));
        Concept ocean = pg.concepts().create(new NewConcept(u, "ocean", "place", null, null, null));
        pg.mentions().create(new NewMention(u, walk.id(), sea.id(), 0.9));
        pg.mentions().create(new NewMention(u, swim.id(), sea.id(), 0.4));
        pg.conceptRelations().create(new NewConceptRelation(u, sea.id(), salt.id(), 0.7, "co-occurrence"));
        pg.conceptRelations().create(new NewConceptRelation(u, ocean.id(), salt.id(), 0.3, "manual"));
        pg.concepts().merge(u, ocean.id(), sea.id());
        pg.artifacts().create(new NewDerivedArtifact(u, ArtifactType.INSIGHT_SUMMARY, "Seaside", null, null, walk.id(), sea.id()));
        return u;
    }

    @Test
    void theProjectedGraphEqualsPostgreSQL() {
        sample(pg, "ada");
        sample(pg, "bob");
        assertTrue(projector.lag() > 0);
        projector.runUntilCaughtUp();
        assertEquals(0, projector.lag());
        assertEquals(List.of(), graph.verifier(outbox).verify());
        // 2 users × (user, community, 2 memory units, 3 concepts, artifact)
        assertEquals(16L, count("MATCH (n) RETURN count(n)"));
        // 2 × (2 MENTIONS, 2 RELATED_TO, 2 MEMBER_OF, 1 MERGED_INTO, 2 DERIVED_FROM)
        assertEquals(18L, count("MATCH ()-[r]->() RETURN count(r)"));
        assertEquals(0L, count("MATCH (n) WHERE n.userId IS NULL RETURN count(n)"), "every node carries userId");
        assertEquals(0L, count("MATCH ()-[r]->() WHERE r.userId IS NULL RETURN count(r)"), "every edge carries userId");
    }

    @Test
    void aBatchAppliedAgainChangesNothing() {
        sample(pg, "ada");
        List<OutboxChange> batch = outbox.poll(Projector.CONSUMER, Outbox.MAX_BATCH);
        projector.apply(batch); // Neo4j committed, then the process died before acknowledging
        projector.runUntilCaughtUp(); // the same batch again
        assertEquals(List.of(), graph.verifier(outbox).verify());
        new Projector(graph, outbox, "replay-from-start").runUntilCaughtUp(); // the whole history once more
        assertEquals(List.of(), graph.verifier(outbox).verify());
        assertEquals(9L, count("MATCH ()-[r]->() RETURN count(r)"));
    }

    @Test
    void updatesDeletesAndAUsersCascadeReachTheGraph() {
        UserId ada = sample(pg, "ada");
        UserId bob = sample(pg, "bob");
        projector.runUntilCaughtUp();
        Concept salt = concept(pg, ada, "salt");
        pg.concepts().update(salt.withCommunityId(null).withName("sea salt"));
        pg.conceptRelations().list(ada, io.plinth.core.PageRequest.first(10)).items()
                .forEach(r -> pg.conceptRelations().update(r.withWeight(0.05)));
        pg.memoryUnits().list(ada, io.plinth.core.PageRequest.first(10)).items().stream().filter(m -> m.title().equals("Swim"))
                .forEach(m -> pg.memoryUnits().delete(ada, m.id()));
        pg.users().delete(bob);
        projector.runUntilCaughtUp();
        assertEquals(List.of(), graph.verifier(outbox).verify());
        assertEquals(0L, count("MATCH (n {userId: '" + bob + "'}) RETURN count(n)"));
        assertEquals(1L, count("MATCH (:Concept {name: 'sea salt'}) RETURN count(*)"));
        assertEquals(0L, count("MATCH (:Concept {name: 'sea salt'})-[:MEMBER_OF]->() RETURN count(*)"));
        assertEquals(2L, count("MATCH ()-[r:RELATED_TO {weight: 0.05}]->() RETURN count(r)"));
    }

    @Test
    void aConnectionCutInTheMiddleOfABatchLosesNothing() throws InterruptedException {
        UserId ada = sample(pg, "ada");
        projector.runUntilCaughtUp();
        Concept sea = concept(pg, ada, "sea");
        pg.concepts().update(sea.withName("deep sea"));
        try (Driver locker = GraphDatabase.driver(TestGraph.neo4j().boltURI()); Session s = locker.session();
             Transaction tx = s.beginTransaction()) {
            tx.run("MATCH (c:Concept {id: $id}) SET c.locked = true", Map.of("id", sea.id().toString())).consume();
            projector.start(); // its batch waits for the node's lock, inside its Neo4j transaction
            Thread.sleep(1500);
            assertTrue(projector.lag() > 0, "the batch is still in flight");
            graph.reconnect();
            tx.rollback();
        }
        for (int i = 0; i < 300 && projector.lag() > 0; i++) {
            Thread.sleep(100);
        }
        projector.stop();
        assertEquals(0, projector.lag());
        assertTrue(projector.failedBatches() >= 1, "the cut failed the batch in flight");
        assertEquals(List.of(), graph.verifier(outbox).verify());
        assertEquals(1L, count("MATCH (:Concept {name: 'deep sea'}) RETURN count(*)"));
    }

    @Test
    void anEdgeBetweenTwoUsersNodesIsNeverWritten() throws SQLException {
        UserId ada = sample(pg, "ada");
        UserId bob = sample(pg, "bob");
        Concept adas = concept(pg, ada, "sea");
        Concept bobs = concept(pg, bob, "salt");
        try (Connection c = pg.dataSource().getConnection(); Statement s = c.createStatement()) {
            // a writer that skips Plinth's checks: the database itself allows it
            s.executeUpdate("INSERT INTO concept_relations (user_id, from_concept_id, to_concept_id, weight, provenance) VALUES ('"
                    + ada + "', '" + adas.id() + "', '" + bobs.id() + "', 0.5, 'sneaky')");
            s.executeUpdate("UPDATE concepts SET merged_into_concept_id = '" + bobs.id() + "' WHERE concept_id = '"
                    + concept(pg, ada, "salt").id() + "'");
        }
        projector.runUntilCaughtUp();
        assertEquals(0L, count("MATCH (a)-[r]-(b) WHERE a.userId <> b.userId OR r.userId <> a.userId RETURN count(r)"));
        assertEquals(List.of(), graph.verifier(outbox).verify());
    }

    @Test
    void rebuildReprojectsAUserAndRebuildAllDropsUsersThatAreGone() {
        UserId ada = sample(pg, "ada");
        sample(pg, "bob");
        projector.runUntilCaughtUp();
        try (Session s = graph.driver().session()) {
            s.run("MATCH (n {userId: $u}) DETACH DELETE n", Map.of("u", ada.toString())).consume();
            s.run("CREATE (:Concept {id: 'stray', userId: 'gone', name: 'x'})").consume();
        }
        assertTrue(graph.verifier(outbox).verify(ada).size() > 10, "ada's graph is gone");
        projector.rebuild(ada);
        assertEquals(List.of(), graph.verifier(outbox).verify(ada));
        assertEquals(List.of("extra node Concept stray: in Neo4j (1), not in PostgreSQL"), graph.verifier(outbox).verify());
        projector.rebuildAll();
        assertEquals(List.of(), graph.verifier(outbox).verify());
    }

    @Test
    void theVerifierListsEveryMissingExtraAndDifferentNodeOrEdge() {
        UserId ada = sample(pg, "ada");
        projector.runUntilCaughtUp();
        Concept sea = concept(pg, ada, "sea");
        try (Session s = graph.driver().session()) {
            s.run("MATCH (c:Concept {id: $id}) SET c.name = 'lake'", Map.of("id", sea.id().toString())).consume();
            s.run("MATCH (:Concept {id: $id})-[r:MEMBER_OF]->() DELETE r", Map.of("id", sea.id().toString())).consume();
            s.run("MATCH (c:Concept {id: $id}) CREATE (c)-[:RELATED_TO {userId: $u}]->(c)",
                    Map.of("id", sea.id().toString(), "u", ada.toString())).consume();
        }
        List<String> differences = graph.verifier(outbox).verify();
        String community = pg.communities().list(ada, io.plinth.core.PageRequest.first(1)).items().get(0).id().toString();
        assertEquals(List.of(
                "different node Concept " + sea.id() + ": name is \"sea\" in PostgreSQL, \"lake\" in Neo4j",
                "extra edge RELATED_TO Concept " + sea.id() + " -> Concept " + sea.id() + ": in Neo4j (1), not in PostgreSQL",
                "missing edge MEMBER_OF Concept " + sea.id() + " -> Community " + community + ": in PostgreSQL, not in Neo4j"),
                differences);
        assertEquals(differences, graph.verifier(outbox).verify(ada));
    }

    /**
     * The background projector prunes the outbox once caught up, but only below every consumer's
     * checkpoint: a second consumer ({@code vector-index}) that registered and lags behind keeps every
     * record it has not passed.
     */
    @Test
    void theBackgroundProjectorPrunesOnlyWhatEveryConsumerHasPassed() throws Exception {
        outbox.acknowledge("vector-index", io.plinth.graph.OutboxPosition.START);
        sample(pg, "ada");
        long ada = outboxRows();
        long bob;
        projector.start();
        try {
            await(() -> projector.lag() == 0);
            Thread.sleep(300);              // idle polls: nothing may go while vector-index is at the start
            assertEquals(ada, outboxRows());
            outbox.acknowledge("vector-index", outbox.head());
            sample(pg, "bob");
            bob = outboxRows() - ada;
            long left = bob;
            await(() -> projector.lag() == 0 && outboxRows() == left);
        } finally {
            projector.stop();
        }
        assertEquals(bob, outbox.lag("vector-index"), "the second consumer still reads every record it has not passed");
        assertEquals(List.of(), graph.verifier(outbox).verify());
    }

    private long outboxRows() {
        try (Connection c = pg.dataSource().getConnection(); Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT count(*) FROM outbox")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within 60 s");
            }
            Thread.sleep(50);
        }
    }

    /** The user's concept of that name. */
    static Concept concept(PostgresStore pg, UserId user, String name) {
        return pg.concepts().list(user, io.plinth.core.PageRequest.first(1000)).items().stream()
                .filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private long count(String cypher) {
        try (Session s = graph.driver().session()) {
            return s.run(cypher).single().get(0).asLong();
        }
    }
}
