/** PostgreSQL's side of the knowledge graph: the {@link io.plinth.graph.Outbox} (migration V13). */
package io.plinth.postgres.graph;
