package io.plinth.vector.feed;

import io.plinth.testkit.vector.InMemorySemanticIndex;
import io.plinth.vector.SemanticIndex;

/** The verifier on the in-memory index. */
class InMemoryVectorVerifierTest extends VectorVerifierContract {
    @Override
    protected SemanticIndex emptyIndex() {
        return new InMemorySemanticIndex();
    }
}
