package io.plinth.postgres;

import io.plinth.core.Store;
import io.plinth.testkit.contract.LedgerConcurrencyContract;
import java.time.Clock;

/** Runs the {@link LedgerConcurrencyContract} against PostgreSQL with group commit off (the other run has it on, the default). */
class PostgresLedgerConcurrencyContractWithoutGroupCommitTest extends LedgerConcurrencyContract {
    @Override
    protected Store emptyStore(Clock clock) {
        return TestDatabase.emptyStore(clock, builder -> builder.groupCommit(false));
    }
}
