package io.plinth.testkit;

import io.plinth.core.Store;
import io.plinth.testkit.contract.ProjectContract;
import java.time.Clock;

class InMemoryProjectContractTest extends ProjectContract {
    @Override
    protected Store emptyStore(Clock clock) {
        return InMemoryStore.builder().clock(clock).build();
    }
}
