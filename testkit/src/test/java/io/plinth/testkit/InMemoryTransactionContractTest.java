package io.plinth.testkit;

import io.plinth.core.Store;
import io.plinth.testkit.contract.TransactionContract;
import java.time.Clock;

class InMemoryTransactionContractTest extends TransactionContract {
    @Override
    protected Store emptyStore(Clock clock) {
        return InMemoryStore.builder().clock(clock).build();
    }
}
