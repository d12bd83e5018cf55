package io.plinth.testkit;

import io.plinth.core.Store;
import io.plinth.testkit.contract.LedgerErrorOrderContract;
import java.time.Clock;

class InMemoryLedgerErrorOrderContractTest extends LedgerErrorOrderContract {
    @Override
    protected Store emptyStore(Clock clock) {
        return InMemoryStore.builder().clock(clock).build();
    }
}
