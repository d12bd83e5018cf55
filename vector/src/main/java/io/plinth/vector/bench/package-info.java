/** The vector benchmark ({@code plinth bench vector}): Neo4j's vector index against exact search and hand-written driver calls. */
package io.plinth.vector.bench;
