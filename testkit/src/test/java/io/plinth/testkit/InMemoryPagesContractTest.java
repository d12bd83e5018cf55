package io.plinth.testkit;

import io.plinth.core.Store;
import io.plinth.testkit.contract.PagesContract;
import java.time.Clock;

class InMemoryPagesContractTest extends PagesContract {
    @Override
    protected Store emptyStore(Clock clock) {
        return InMemoryStore.builder().clock(clock).build();
    }
}
