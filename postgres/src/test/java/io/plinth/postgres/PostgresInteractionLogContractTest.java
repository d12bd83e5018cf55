package io.plinth.postgres;

import io.plinth.core.Store;
import io.plinth.testkit.contract.InteractionLogContract;
import java.time.Clock;

class PostgresInteractionLogContractTest extends InteractionLogContract {
    @Override
    protected Store emptyStore(Clock clock) {
        return TestDatabase.emptyStore(clock);
    }
}
