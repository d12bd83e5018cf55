package io.plinth.vector.neo4j;

import io.plinth.testkit.contract.SemanticIndexContract;
import io.plinth.vector.SemanticIndex;

/** The contract on Neo4j with its default settings: small users' searches scan their items exactly. */
class Neo4jExactScanContractTest extends SemanticIndexContract {
    @Override
    protected SemanticIndex emptyIndex() {
        SharedNeo4j.clear();
        return Neo4jSemanticIndex.builder(SharedNeo4j.driver()).build();
    }
}
