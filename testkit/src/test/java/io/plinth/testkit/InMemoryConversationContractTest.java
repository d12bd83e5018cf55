package io.plinth.testkit;

import io.plinth.core.Store;
import io.plinth.testkit.contract.ConversationContract;
import java.time.Clock;

class InMemoryConversationContractTest extends ConversationContract {
    @Override
    protected Store emptyStore(Clock clock) {
        return InMemoryStore.builder().clock(clock).build();
    }
}
