package io.plinth.postgres;

import io.plinth.core.Store;
import io.plinth.testkit.contract.LedgerContract;
import java.time.Clock;

/** Runs the {@link LedgerContract} against PostgreSQL. */
class PostgresLedgerContractTest extends LedgerContract {
    @Override
    protected Store emptyStore(Clock clock) {
        return TestDatabase.emptyStore(clock);
    }
}
