package io.plinth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plinth.memory.MemoryUnit;
import io.plinth.memory.NewMemoryUnit;
import io.plinth.postgres.EmbeddedDatabase;
import io.plinth.postgres.PostgresStore;
import io.plinth.tenancy.NewUser;
import io.plinth.tenancy.UserId;
import io.plinth.vector.Embedder;
import io.plinth.vector.feed.VectorProjector;
import io.plinth.vector.neo4j.Neo4jSemanticIndex;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

/** {@code plinth vector verify} on an embedded PostgreSQL and an in-process Neo4j. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VectorCommandTest {
    /** A two-dimensional stand-in for a model: the verifier compares model versions, not vectors. */
    private static final Embedder EMBEDDER = new Embedder() {
        @Override
        public String modelVersion() {
            return "cli-test";
        }

        @Override
        public int dimensions() {
            return 2;
        }

        @Override
        public float[] embed(String text) {
            return new float[] {1, text.length()};
        }
    };

    private static EmbeddedDatabase db;
    private static Neo4j neo4j;
    private static UserId user;
    private static MemoryUnit unit;

    @BeforeAll
    static void start() {
        db = EmbeddedDatabase.start();
        neo4j = Neo4jBuilders.newInProcessBuilder().withDisabledServer().build();
        try (PostgresStore store = PostgresStore.builder().jdbcUrl(db.jdbcUrl()).maximumPoolSize(2).build()) {
            user = store.users().create(NewUser.of("vector@example.com", "Vera")).id();
            unit = store.memoryUnits().create(new NewMemoryUnit(user, "Walk", "by the sea", Instant.parse("2026-01-01T00:00:00Z"),
                    null, null, null));
        }
    }

    @AfterAll
    static void stop() {
        neo4j.close();
        db.close();
    }

    private static CommandOutput verify(String... more) {
        String[] args = {"vector", "verify", "--jdbc-url", db.jdbcUrl(), "--neo4j-url", neo4j.boltURI().toString()};
        String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return CommandOutput.run(all);
    }

    @Test
    @Order(1)
    void anEmptyIndexListsTheItemAsMissing() {
        CommandOutput result = verify("--model", "cli-test");
        assertEquals(1, result.exitCode(), result::toString);
        assertTrue(result.out().contains("vector index has 1 difference:"), result.out());
        assertTrue(result.out().contains("missing MemoryUnit " + unit.id() + " of user " + user), result.out());
    }

    @Test
    @Order(2)
    void aFedIndexVerifiesAndAnotherModelIsStale() {
        try (PostgresStore store = PostgresStore.builder().jdbcUrl(db.jdbcUrl()).maximumPoolSize(2).build();
             Driver driver = GraphDatabase.driver(neo4j.boltURI());
             Neo4jSemanticIndex index = Neo4jSemanticIndex.builder(driver).build()) {
            new VectorProjector(store.outbox(), index, EMBEDDER).runUntilCaughtUp();
        }
        CommandOutput ok = verify("--model", "cli-test");
        assertEquals(0, ok.exitCode(), ok::toString);
        assertTrue(ok.out().strip().endsWith("vector index OK"), ok.out());
        CommandOutput stale = verify("--neo4j-user", "neo4j"); // the default model: MiniLM
        assertEquals(1, stale.exitCode(), stale::toString);
        assertTrue(stale.out().contains("stale MemoryUnit " + unit.id() + " of user " + user
                + ": embeddingModelVersion differ from the row"), stale.out());
        assertFalse(stale.out().contains("by the sea"), "no row's text is printed");
    }

    @Test
    @Order(3)
    void credentialsInTheNeo4jUrlAreRefusedWithoutPrintingThem() {
        CommandOutput result = CommandOutput.run("vector", "verify", "--jdbc-url", db.jdbcUrl(),
                "--neo4j-url", "bolt://neo:hunter22@127.0.0.1:1");
        assertEquals(2, result.exitCode(), result::toString);
        assertFalse(result.toString().contains("hunter22"), result.toString());
    }
}
