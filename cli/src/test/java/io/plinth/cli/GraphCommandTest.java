package io.plinth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plinth.memory.Concept;
import io.plinth.memory.NewConcept;
import io.plinth.memory.NewConceptRelation;
import io.plinth.postgres.EmbeddedDatabase;
import io.plinth.postgres.PostgresStore;
import io.plinth.tenancy.NewUser;
import io.plinth.tenancy.UserId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

/** {@code plinth graph rebuild} and {@code plinth graph verify} on an embedded PostgreSQL and an in-process Neo4j. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GraphCommandTest {
    private static EmbeddedDatabase db;
    private static Neo4j neo4j;
    private static UserId user;

    @BeforeAll
    static void start() {
        db = EmbeddedDatabase.start();
        neo4j = Neo4jBuilders.newInProcessBuilder().withDisabledServer().build();
        try (PostgresStore store = PostgresStore.builder().jdbcUrl(db.jdbcUrl()).maximumPoolSize(2).build()) {
            user = store.users().create(NewUser.of("graph@example.com", "Grace")).id();
            Concept a = store.concepts().create(new NewConcept(user, "a", "t", null, null, null));
            Concept b = store.concepts().create(new NewConcept(user, "b", "t", null, null, null));
            store.conceptRelations().create(new NewConceptRelation(user, a.id(), b.id(), 0.5, "test"));
        }
    }

    @AfterAll
    static void stop() {
        neo4j.close();
        db.close();
    }

    @Test
    @Order(1)
    void anEmptyGraphListsEveryNodeAndEdgeAsMissing() {
        CommandOutput result = CommandOutput.run("graph", "verify", "--jdbc-url", db.jdbcUrl(), "--neo4j-url", neo4j.boltURI().toString());
        assertEquals(1, result.exitCode(), result::toString);
        assertTrue(result.out().contains("graph has 4 differences:"), result.out());
        assertTrue(result.out().contains("missing node User " + user), result.out());
    }

    @Test
    @Order(2)
    void aRebuiltGraphVerifiesAndNoPasswordIsPrinted() {
        CommandOutput rebuilt = CommandOutput.run("graph", "rebuild", "--jdbc-url", db.jdbcUrl(), "--neo4j-url", neo4j.boltURI().toString(),
                "--neo4j-user", "neo4j", "--neo4j-password", "s3cret-pw");
        assertEquals(0, rebuilt.exitCode(), rebuilt::toString);
        assertTrue(rebuilt.out().contains("rebuilt every user"), rebuilt.out());
        CommandOutput verified = CommandOutput.run("graph", "verify", "--jdbc-url", db.jdbcUrl(), "--neo4j-url", neo4j.boltURI().toString(),
                "--neo4j-user", "neo4j", "--neo4j-password", "s3cret-pw");
        assertEquals(0, verified.exitCode(), verified::toString);
        assertTrue(verified.out().strip().endsWith("graph OK"), verified.out());
        assertFalse((rebuilt + verified.toString()).contains("s3cret-pw"));
    }

    @Test
    @Order(3)
    void aChangeBehindTheProjectorsBackIsListedAndARebuildOfTheUserRepairsIt() {
        try (var driver = GraphDatabase.driver(neo4j.boltURI()); var session = driver.session()) {
            session.run("MATCH (c:Concept {name: 'a'}) SET c.name = 'z'").consume();
        }
        CommandOutput result = CommandOutput.run("graph", "verify", "--jdbc-url", db.jdbcUrl(), "--neo4j-url", neo4j.boltURI().toString());
        assertEquals(1, result.exitCode(), result::toString);
        assertTrue(result.out().contains("graph has 1 difference:"), result.out());
        assertTrue(result.out().contains(": name is \"a\" in PostgreSQL, \"z\" in Neo4j"), result.out());
        CommandOutput rebuilt = CommandOutput.run("graph", "rebuild", "--jdbc-url", db.jdbcUrl(), "--neo4j-url", neo4j.boltURI().toString(),
                "--user-id", user.toString());
        assertEquals(0, rebuilt.exitCode(), rebuilt::toString);
        assertEquals(0, CommandOutput.run("graph", "verify", "--jdbc-url", db.jdbcUrl(), "--neo4j-url", neo4j.boltURI().toString()).exitCode());
    }

    @Test
    @Order(4)
    void anUnreachableNeo4jIsOneLineWithoutTheURLsPassword() {
        CommandOutput result = CommandOutput.run("graph", "verify", "--jdbc-url", db.jdbcUrl(),
                "--neo4j-url", "bolt://neo:hunter22@127.0.0.1:1", "--neo4j-password", "other-secret");
        assertEquals(1, result.exitCode(), result::toString);
        assertFalse(result.toString().contains("hunter22"), result.toString());
        assertFalse(result.toString().contains("other-secret"), result.toString());
        assertEquals(1, result.err().strip().lines().count(), result.err());
    }
}
