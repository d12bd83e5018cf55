/** The {@link io.plinth.vector.SemanticIndex} on a Neo4j vector index. */
package io.plinth.vector.neo4j;
