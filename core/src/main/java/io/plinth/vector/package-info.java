/**
 * Seed 004's system of semantics: the {@code UserKnowledgeItem} ({@link io.plinth.vector.KnowledgeItem}),
 * one searchable item per source entity, and the {@link io.plinth.vector.SemanticIndex} every store
 * implements: the in-memory exact index ({@code plinth-testkit}), a Neo4j vector index and Weaviate
 * ({@code plinth-vector}). Every store ranks with {@link io.plinth.vector.Ranking}, so their answers agree.
 */
package io.plinth.vector;
