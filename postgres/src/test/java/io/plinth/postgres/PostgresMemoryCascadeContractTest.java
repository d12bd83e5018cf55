package io.plinth.postgres;

import io.plinth.core.Store;
import io.plinth.testkit.contract.MemoryCascadeContract;
import java.time.Clock;

/** Runs {@link MemoryCascadeContract} against PostgreSQL. */
class PostgresMemoryCascadeContractTest extends MemoryCascadeContract {
    @Override
    protected Store emptyStore(Clock clock) {
        return TestDatabase.emptyStore(clock);
    }
}
