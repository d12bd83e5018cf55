package io.plinth.testkit;

import io.plinth.core.Store;
import io.plinth.testkit.contract.ModelContract;
import java.time.Clock;

class InMemoryModelContractTest extends ModelContract {
    @Override
    protected Store emptyStore(Clock clock) {
        return InMemoryStore.builder().clock(clock).build();
    }
}
