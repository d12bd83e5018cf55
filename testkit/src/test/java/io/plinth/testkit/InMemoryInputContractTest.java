package io.plinth.testkit;

import io.plinth.core.Store;
import io.plinth.testkit.contract.InputContract;
import java.time.Clock;

class InMemoryInputContractTest extends InputContract {
    @Override
    protected Store emptyStore(Clock clock) {
        return InMemoryStore.builder().clock(clock).build();
    }
}
