package io.plinth.postgres;

import io.plinth.core.Store;
import io.plinth.testkit.contract.GrowthEventContract;
import java.time.Clock;

class PostgresGrowthEventContractTest extends GrowthEventContract {
    @Override
    protected Store emptyStore(Clock clock) {
        return TestDatabase.emptyStore(clock);
    }
}
