package io.plinth.graph.neo4j;

import java.util.List;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

/**
 * The Neo4j schema: seed 004 Part 2's constraints and indexes exactly as the seed writes them (names
 * included), and the indexes Plinth's own queries need. Every statement is {@code IF NOT EXISTS}, so
 * applying the schema again changes nothing.
 */
public final class Neo4jSchema {
    /** Seed 004 Part 2 ({@code packages/database/src/neo4j/schema.cypher}), statement by statement, verbatim. */
    public static final List<String> SEED = List.of(
            "CREATE CONSTRAINT user_userId_unique IF NOT EXISTS FOR (n:User) REQUIRE n.userId IS UNIQUE;",
            "CREATE CONSTRAINT memoryunit_muid_unique IF NOT EXISTS FOR (n:MemoryUnit) REQUIRE n.muid IS UNIQUE;",
            "CREATE CONSTRAINT concept_id_unique IF NOT EXISTS FOR (n:Concept) REQUIRE n.id IS UNIQUE;",
            "CREATE CONSTRAINT derivedartifact_id_unique IF NOT EXISTS FOR (n:DerivedArtifact) REQUIRE n.id IS UNIQUE;",
            "CREATE CONSTRAINT community_community_id_unique IF NOT EXISTS FOR (n:Community) REQUIRE n.community_id IS UNIQUE;",
            "CREATE INDEX memoryunit_userId_idx IF NOT EXISTS FOR (n:MemoryUnit) ON (n.userId);",
            "CREATE INDEX concept_userId_idx IF NOT EXISTS FOR (n:Concept) ON (n.userId);",
            "CREATE INDEX derivedartifact_userId_idx IF NOT EXISTS FOR (n:DerivedArtifact) ON (n.userId);",
            "CREATE INDEX community_userId_idx IF NOT EXISTS FOR (n:Community) ON (n.userId);",
            "CREATE INDEX memoryunit_creation_ts_idx IF NOT EXISTS FOR (n:MemoryUnit) ON (n.creation_ts);",
            "CREATE INDEX concept_name_idx IF NOT EXISTS FOR (n:Concept) ON (n.name);",
            "CREATE INDEX concept_type_idx IF NOT EXISTS FOR (n:Concept) ON (n.type);",
            "CREATE INDEX concept_status_idx IF NOT EXISTS FOR (n:Concept) ON (n.status);");

    /**
     * Plinth's additions: the projector finds a MENTIONS or RELATED_TO edge by the id of its row in
     * PostgreSQL when the row changes or goes.
     */
    public static final List<String> PLINTH = List.of(
            "CREATE INDEX plinth_mentions_id_idx IF NOT EXISTS FOR ()-[r:MENTIONS]-() ON (r.id);",
            "CREATE INDEX plinth_related_to_id_idx IF NOT EXISTS FOR ()-[r:RELATED_TO]-() ON (r.id);");

    private Neo4jSchema() {
    }

    /** Applies every statement of {@link #SEED} and {@link #PLINTH}, then waits for the indexes to come online. */
    public static void apply(Driver driver) {
        try (Session session = driver.session()) {
            for (String statement : SEED) {
                session.run(statement.substring(0, statement.length() - 1)).consume();
            }
            for (String statement : PLINTH) {
                session.run(statement.substring(0, statement.length() - 1)).consume();
            }
            session.run("CALL db.awaitIndexes(300)").consume();
        }
    }
}
