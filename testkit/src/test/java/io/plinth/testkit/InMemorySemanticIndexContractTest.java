package io.plinth.testkit;

import io.plinth.testkit.contract.SemanticIndexContract;
import io.plinth.testkit.vector.InMemorySemanticIndex;
import io.plinth.vector.SemanticIndex;

class InMemorySemanticIndexContractTest extends SemanticIndexContract {
    @Override
    protected SemanticIndex emptyIndex() {
        return new InMemorySemanticIndex();
    }
}
