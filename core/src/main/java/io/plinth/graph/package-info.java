/**
 * The relationship questions of seed 004's knowledge graph ({@link io.plinth.graph.KnowledgeGraph}),
 * answered the same by every store: the in-memory kit, PostgreSQL (recursive SQL, the reference)
 * and Neo4j ({@code plinth-graph}).
 */
package io.plinth.graph;
