package io.plinth.vector.feed;

import io.plinth.vector.SemanticIndex;
import io.plinth.vector.neo4j.Neo4jSemanticIndex;
import io.plinth.vector.neo4j.SharedNeo4j;

/** The verifier on Neo4j's vector index, in the in-process harness. */
class Neo4jVectorVerifierTest extends VectorVerifierContract {
    @Override
    protected SemanticIndex emptyIndex() {
        SharedNeo4j.clear();
        return Neo4jSemanticIndex.builder(SharedNeo4j.driver()).build();
    }
}
