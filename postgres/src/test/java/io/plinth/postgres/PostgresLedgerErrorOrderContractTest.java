package io.plinth.postgres;

import io.plinth.core.Store;
import io.plinth.testkit.contract.LedgerErrorOrderContract;
import java.time.Clock;

/** Runs the {@link LedgerErrorOrderContract} against PostgreSQL. */
class PostgresLedgerErrorOrderContractTest extends LedgerErrorOrderContract {
    @Override
    protected Store emptyStore(Clock clock) {
        return TestDatabase.emptyStore(clock);
    }
}
