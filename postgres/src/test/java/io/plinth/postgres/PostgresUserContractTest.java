package io.plinth.postgres;

import io.plinth.core.Store;
import io.plinth.testkit.contract.UserContract;
import java.time.Clock;

/** Runs the {@link UserContract} against PostgreSQL. */
class PostgresUserContractTest extends UserContract {
    @Override
    protected Store emptyStore(Clock clock) {
        return TestDatabase.emptyStore(clock);
    }
}
