package io.plinth.testkit;

import io.plinth.core.Store;
import io.plinth.testkit.contract.MediaContract;
import java.time.Clock;

/** Runs {@link MediaContract} against the in-memory store. */
class InMemoryMediaContractTest extends MediaContract {
    @Override
    protected Store emptyStore(Clock clock) {
        return InMemoryStore.builder().clock(clock).build();
    }
}
