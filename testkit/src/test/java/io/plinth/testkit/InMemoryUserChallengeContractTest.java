package io.plinth.testkit;

import io.plinth.core.Store;
import io.plinth.testkit.contract.UserChallengeContract;
import java.time.Clock;

class InMemoryUserChallengeContractTest extends UserChallengeContract {
    @Override
    protected Store emptyStore(Clock clock) {
        return InMemoryStore.builder().clock(clock).build();
    }
}
