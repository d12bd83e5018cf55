package io.plinth.testkit;

import io.plinth.core.Store;
import io.plinth.testkit.contract.DerivedArtifactContract;
import java.time.Clock;

/** Runs {@link DerivedArtifactContract} against the in-memory store. */
class InMemoryDerivedArtifactContractTest extends DerivedArtifactContract {
    @Override
    protected Store emptyStore(Clock clock) {
        return InMemoryStore.builder().clock(clock).build();
    }
}
