package io.plinth.postgres;

import io.plinth.core.Store;
import io.plinth.testkit.contract.KnowledgeGraphContract;
import java.time.Clock;

/** Runs {@link KnowledgeGraphContract} against PostgreSQL. */
class PostgresKnowledgeGraphContractTest extends KnowledgeGraphContract {
    @Override
    protected Store emptyStore(Clock clock) {
        return TestDatabase.emptyStore(clock);
    }
}
