package io.plinth.testkit;

import io.plinth.core.Store;
import io.plinth.testkit.contract.MemoryUnitContract;
import java.time.Clock;

/** Runs {@link MemoryUnitContract} against the in-memory store. */
class InMemoryMemoryUnitContractTest extends MemoryUnitContract {
    @Override
    protected Store emptyStore(Clock clock) {
        return InMemoryStore.builder().clock(clock).build();
    }
}
