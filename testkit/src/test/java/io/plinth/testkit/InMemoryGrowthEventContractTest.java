package io.plinth.testkit;

import io.plinth.core.Store;
import io.plinth.testkit.contract.GrowthEventContract;
import java.time.Clock;

class InMemoryGrowthEventContractTest extends GrowthEventContract {
    @Override
    protected Store emptyStore(Clock clock) {
        return InMemoryStore.builder().clock(clock).build();
    }
}
