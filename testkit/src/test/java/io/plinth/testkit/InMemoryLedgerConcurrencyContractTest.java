package io.plinth.testkit;

import io.plinth.core.Store;
import io.plinth.testkit.contract.LedgerConcurrencyContract;
import java.time.Clock;

class InMemoryLedgerConcurrencyContractTest extends LedgerConcurrencyContract {
    @Override
    protected Store emptyStore(Clock clock) {
        return InMemoryStore.builder().clock(clock).build();
    }
}
