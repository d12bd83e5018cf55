package io.plinth.testkit;

import io.plinth.core.Store;
import io.plinth.testkit.contract.UserSessionContract;
import java.time.Clock;

class InMemoryUserSessionContractTest extends UserSessionContract {
    @Override
    protected Store emptyStore(Clock clock) {
        return InMemoryStore.builder().clock(clock).build();
    }
}
