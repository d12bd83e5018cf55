package io.plinth.postgres;

import io.plinth.core.Store;
import io.plinth.testkit.contract.PagesContract;
import java.time.Clock;

/** Runs the {@link PagesContract} against PostgreSQL. */
class PostgresPagesContractTest extends PagesContract {
    @Override
    protected Store emptyStore(Clock clock) {
        return TestDatabase.emptyStore(clock);
    }
}
