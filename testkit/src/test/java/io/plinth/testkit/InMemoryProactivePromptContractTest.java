package io.plinth.testkit;

import io.plinth.core.Store;
import io.plinth.testkit.contract.ProactivePromptContract;
import java.time.Clock;

class InMemoryProactivePromptContractTest extends ProactivePromptContract {
    @Override
    protected Store emptyStore(Clock clock) {
        return InMemoryStore.builder().clock(clock).build();
    }
}
