package io.plinth.postgres;

import io.plinth.core.Store;
import io.plinth.testkit.contract.LedgerContract;
import java.time.Clock;

/** Runs the {@link LedgerContract} against PostgreSQL with group commit off (the other run has it on, the default). */
class PostgresLedgerContractWithoutGroupCommitTest extends LedgerContract {
    @Override
    protected Store emptyStore(Clock clock) {
        return TestDatabase.emptyStore(clock, builder -> builder.groupCommit(false));
    }
}
