package io.plinth.postgres;

import io.plinth.core.Store;
import io.plinth.testkit.contract.ConversationContract;
import java.time.Clock;

/** Runs the {@link ConversationContract} against PostgreSQL. */
class PostgresConversationContractTest extends ConversationContract {
    @Override
    protected Store emptyStore(Clock clock) {
        return TestDatabase.emptyStore(clock);
    }
}
