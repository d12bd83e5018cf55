package io.plinth.postgres;

import io.plinth.core.Store;
import io.plinth.testkit.contract.MediaContract;
import java.time.Clock;

/** Runs {@link MediaContract} against PostgreSQL. */
class PostgresMediaContractTest extends MediaContract {
    @Override
    protected Store emptyStore(Clock clock) {
        return TestDatabase.emptyStore(clock);
    }
}
