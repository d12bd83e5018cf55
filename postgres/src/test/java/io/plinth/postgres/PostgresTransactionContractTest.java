package io.plinth.postgres;

import io.plinth.core.Store;
import io.plinth.testkit.contract.TransactionContract;
import java.time.Clock;

/** Runs the {@link TransactionContract} against PostgreSQL. */
class PostgresTransactionContractTest extends TransactionContract {
    @Override
    protected Store emptyStore(Clock clock) {
        return TestDatabase.emptyStore(clock);
    }
}
