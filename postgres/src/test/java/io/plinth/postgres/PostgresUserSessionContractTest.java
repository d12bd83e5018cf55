package io.plinth.postgres;

import io.plinth.core.Store;
import io.plinth.testkit.contract.UserSessionContract;
import java.time.Clock;

/** Runs the {@link UserSessionContract} against PostgreSQL. */
class PostgresUserSessionContractTest extends UserSessionContract {
    @Override
    protected Store emptyStore(Clock clock) {
        return TestDatabase.emptyStore(clock);
    }
}
