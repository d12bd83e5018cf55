package io.plinth.testkit;

import io.plinth.core.Store;
import io.plinth.testkit.contract.PulseProfileContract;
import java.time.Clock;

class InMemoryPulseProfileContractTest extends PulseProfileContract {
    @Override
    protected Store emptyStore(Clock clock) {
        return InMemoryStore.builder().clock(clock).build();
    }
}
