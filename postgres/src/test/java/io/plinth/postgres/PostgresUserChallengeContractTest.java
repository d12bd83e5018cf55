package io.plinth.postgres;

import io.plinth.core.Store;
import io.plinth.testkit.contract.UserChallengeContract;
import java.time.Clock;

class PostgresUserChallengeContractTest extends UserChallengeContract {
    @Override
    protected Store emptyStore(Clock clock) {
        return TestDatabase.emptyStore(clock);
    }
}
