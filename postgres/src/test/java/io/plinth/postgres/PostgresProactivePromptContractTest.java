package io.plinth.postgres;

import io.plinth.core.Store;
import io.plinth.testkit.contract.ProactivePromptContract;
import java.time.Clock;

class PostgresProactivePromptContractTest extends ProactivePromptContract {
    @Override
    protected Store emptyStore(Clock clock) {
        return TestDatabase.emptyStore(clock);
    }
}
