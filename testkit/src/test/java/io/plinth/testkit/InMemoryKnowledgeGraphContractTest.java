package io.plinth.testkit;

import io.plinth.core.Store;
import io.plinth.testkit.contract.KnowledgeGraphContract;
import java.time.Clock;

/** Runs {@link KnowledgeGraphContract} against the in-memory store. */
class InMemoryKnowledgeGraphContractTest extends KnowledgeGraphContract {
    @Override
    protected Store emptyStore(Clock clock) {
        return InMemoryStore.builder().clock(clock).build();
    }
}
