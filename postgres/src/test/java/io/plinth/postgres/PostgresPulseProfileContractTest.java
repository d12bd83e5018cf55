package io.plinth.postgres;

import io.plinth.core.Store;
import io.plinth.testkit.contract.PulseProfileContract;
import java.time.Clock;

/** Runs the {@link PulseProfileContract} against PostgreSQL. */
class PostgresPulseProfileContractTest extends PulseProfileContract {
    @Override
    protected Store emptyStore(Clock clock) {
        return TestDatabase.emptyStore(clock);
    }
}
