package io.plinth.postgres;

import io.plinth.core.Store;
import io.plinth.testkit.contract.ModelContract;
import java.time.Clock;

/** Runs the generic {@link ModelContract} of every declared model against PostgreSQL. */
class PostgresModelContractTest extends ModelContract {
    @Override
    protected Store emptyStore(Clock clock) {
        return TestDatabase.emptyStore(clock);
    }
}
