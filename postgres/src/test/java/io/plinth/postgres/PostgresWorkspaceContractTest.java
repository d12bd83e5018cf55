package io.plinth.postgres;

import io.plinth.core.Store;
import io.plinth.testkit.contract.WorkspaceContract;
import java.time.Clock;

/** Runs the {@link WorkspaceContract} against PostgreSQL. */
class PostgresWorkspaceContractTest extends WorkspaceContract {
    @Override
    protected Store emptyStore(Clock clock) {
        return TestDatabase.emptyStore(clock);
    }
}
