package io.plinth.postgres;

import io.plinth.core.Store;
import io.plinth.testkit.contract.UserGraphProjectionContract;
import java.time.Clock;

class PostgresUserGraphProjectionContractTest extends UserGraphProjectionContract {
    @Override
    protected Store emptyStore(Clock clock) {
        return TestDatabase.emptyStore(clock);
    }
}
