package io.plinth.vector.neo4j;

import io.plinth.testkit.contract.SemanticIndexContract;
import io.plinth.vector.SemanticIndex;

/** The contract on Neo4j with every search going through the vector index (no exact scan). */
class Neo4jSemanticIndexContractTest extends SemanticIndexContract {
    @Override
    protected SemanticIndex emptyIndex() {
        SharedNeo4j.clear();
        return Neo4jSemanticIndex.builder(SharedNeo4j.driver()).exactScanBelow(0).build();
    }
}
