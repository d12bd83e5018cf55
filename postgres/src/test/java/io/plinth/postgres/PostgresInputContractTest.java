package io.plinth.postgres;

import io.plinth.core.Store;
import io.plinth.testkit.contract.InputContract;
import java.time.Clock;

/** Runs the {@link InputContract} against PostgreSQL. */
class PostgresInputContractTest extends InputContract {
    @Override
    protected Store emptyStore(Clock clock) {
        return TestDatabase.emptyStore(clock);
    }
}
