/**
 * PostgreSQL's side of the knowledge graph: its questions ({@link io.plinth.postgres.graph.PgKnowledgeGraph},
 * recursive SQL over the edge tables, the reference answers) and the {@link io.plinth.graph.Outbox}
 * (migration V13) that feeds the projections.
 */
package io.plinth.postgres.graph;
