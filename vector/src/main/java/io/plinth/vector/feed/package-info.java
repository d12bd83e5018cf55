/**
 * The vector index fed from PostgreSQL: {@link io.plinth.vector.feed.VectorProjector} applies the outbox's
 * changes to a {@link io.plinth.vector.SemanticIndex}, {@link io.plinth.vector.feed.VectorVerifier} lists
 * where the index and PostgreSQL differ, and {@link io.plinth.vector.feed.SourceItem} is the one mapping
 * from a row to its item that both use.
 */
package io.plinth.vector.feed;
