package io.plinth.testkit;

import io.plinth.core.Store;
import io.plinth.testkit.contract.MemoryCascadeContract;
import java.time.Clock;

/** Runs {@link MemoryCascadeContract} against the in-memory store. */
class InMemoryMemoryCascadeContractTest extends MemoryCascadeContract {
    @Override
    protected Store emptyStore(Clock clock) {
        return InMemoryStore.builder().clock(clock).build();
    }
}
