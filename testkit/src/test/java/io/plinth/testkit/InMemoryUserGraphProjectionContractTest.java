package io.plinth.testkit;

import io.plinth.core.Store;
import io.plinth.testkit.contract.UserGraphProjectionContract;
import java.time.Clock;

class InMemoryUserGraphProjectionContractTest extends UserGraphProjectionContract {
    @Override
    protected Store emptyStore(Clock clock) {
        return InMemoryStore.builder().clock(clock).build();
    }
}
