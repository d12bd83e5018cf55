package io.plinth.postgres;

import io.plinth.core.Store;
import io.plinth.testkit.contract.ProjectContract;
import java.time.Clock;

/** Runs the {@link ProjectContract} against PostgreSQL. */
class PostgresProjectContractTest extends ProjectContract {
    @Override
    protected Store emptyStore(Clock clock) {
        return TestDatabase.emptyStore(clock);
    }
}
