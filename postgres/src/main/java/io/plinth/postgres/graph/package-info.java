/**
 * The knowledge graph's questions on PostgreSQL ({@link io.plinth.postgres.graph.PgKnowledgeGraph}):
 * recursive SQL over the edge tables, the reference answers.
 */
package io.plinth.postgres.graph;
