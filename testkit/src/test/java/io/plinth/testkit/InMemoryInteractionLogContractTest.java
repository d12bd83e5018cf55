package io.plinth.testkit;

import io.plinth.core.Store;
import io.plinth.testkit.contract.InteractionLogContract;
import java.time.Clock;

class InMemoryInteractionLogContractTest extends InteractionLogContract {
    @Override
    protected Store emptyStore(Clock clock) {
        return InMemoryStore.builder().clock(clock).build();
    }
}
