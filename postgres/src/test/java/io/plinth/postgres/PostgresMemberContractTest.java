package io.plinth.postgres;

import io.plinth.core.Store;
import io.plinth.testkit.contract.MemberContract;
import java.time.Clock;

/** Runs the {@link MemberContract} against PostgreSQL. */
class PostgresMemberContractTest extends MemberContract {
    @Override
    protected Store emptyStore(Clock clock) {
        return TestDatabase.emptyStore(clock);
    }
}
