package io.plinth.testkit;

import io.plinth.core.Store;
import io.plinth.testkit.contract.UserContract;
import java.time.Clock;

class InMemoryUserContractTest extends UserContract {
    @Override
    protected Store emptyStore(Clock clock) {
        return InMemoryStore.builder().clock(clock).build();
    }
}
