package io.plinth.testkit;

import io.plinth.core.Store;
import io.plinth.testkit.contract.WorkspaceContract;
import java.time.Clock;

class InMemoryWorkspaceContractTest extends WorkspaceContract {
    @Override
    protected Store emptyStore(Clock clock) {
        return InMemoryStore.builder().clock(clock).build();
    }
}
