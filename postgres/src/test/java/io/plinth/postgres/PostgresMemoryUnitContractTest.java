package io.plinth.postgres;

import io.plinth.core.Store;
import io.plinth.testkit.contract.MemoryUnitContract;
import java.time.Clock;

/** Runs {@link MemoryUnitContract} against PostgreSQL. */
class PostgresMemoryUnitContractTest extends MemoryUnitContract {
    @Override
    protected Store emptyStore(Clock clock) {
        return TestDatabase.emptyStore(clock);
    }
}
