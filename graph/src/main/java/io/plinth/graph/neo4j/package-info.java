/**
 * The Neo4j store of seed 004's knowledge graph: the schema ({@link io.plinth.graph.neo4j.Neo4jSchema}),
 * the projector that feeds it from PostgreSQL's outbox ({@link io.plinth.graph.neo4j.Projector}), the
 * questions answered in Cypher ({@link io.plinth.graph.neo4j.Neo4jKnowledgeGraph}) and the check that it
 * equals PostgreSQL ({@link io.plinth.graph.neo4j.GraphVerifier}).
 */
package io.plinth.graph.neo4j;
