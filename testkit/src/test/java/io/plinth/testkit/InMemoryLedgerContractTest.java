package io.plinth.testkit;

import io.plinth.core.Store;
import io.plinth.testkit.contract.LedgerContract;
import java.time.Clock;

class InMemoryLedgerContractTest extends LedgerContract {
    @Override
    protected Store emptyStore(Clock clock) {
        return InMemoryStore.builder().clock(clock).build();
    }
}
