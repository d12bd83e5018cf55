package io.plinth.postgres;

import io.plinth.core.Store;
import io.plinth.testkit.contract.DerivedArtifactContract;
import java.time.Clock;

/** Runs {@link DerivedArtifactContract} against PostgreSQL. */
class PostgresDerivedArtifactContractTest extends DerivedArtifactContract {
    @Override
    protected Store emptyStore(Clock clock) {
        return TestDatabase.emptyStore(clock);
    }
}
