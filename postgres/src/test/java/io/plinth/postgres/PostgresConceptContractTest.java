package io.plinth.postgres;

import io.plinth.core.Store;
import io.plinth.testkit.contract.ConceptContract;
import java.time.Clock;

/** Runs {@link ConceptContract} against PostgreSQL. */
class PostgresConceptContractTest extends ConceptContract {
    @Override
    protected Store emptyStore(Clock clock) {
        return TestDatabase.emptyStore(clock);
    }
}
