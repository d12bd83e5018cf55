package io.plinth.testkit;

import io.plinth.core.Store;
import io.plinth.testkit.contract.MemberContract;
import java.time.Clock;

class InMemoryMemberContractTest extends MemberContract {
    @Override
    protected Store emptyStore(Clock clock) {
        return InMemoryStore.builder().clock(clock).build();
    }
}
