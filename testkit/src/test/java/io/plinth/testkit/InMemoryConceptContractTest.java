package io.plinth.testkit;

import io.plinth.core.Store;
import io.plinth.testkit.contract.ConceptContract;
import java.time.Clock;

/** Runs {@link ConceptContract} against the in-memory store. */
class InMemoryConceptContractTest extends ConceptContract {
    @Override
    protected Store emptyStore(Clock clock) {
        return InMemoryStore.builder().clock(clock).build();
    }
}
