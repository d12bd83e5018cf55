package io.plinth.graph.neo4j;

import io.plinth.core.Store;
import io.plinth.graph.KnowledgeGraph;
import io.plinth.postgres.PostgresStore;
import io.plinth.testkit.contract.KnowledgeGraphContract;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;

/**
 * Runs the {@link KnowledgeGraphContract} on Neo4j: every test writes through a PostgreSQL store, the
 * projector carries the outbox to the in-process Neo4j ({@link #settle()}), and Neo4j answers — the
 * same answers as the in-memory kit and PostgreSQL give for the same writes.
 */
class Neo4jKnowledgeGraphContractTest extends KnowledgeGraphContract {
    private Projector projector;

    @Override
    protected Store emptyStore(Clock clock) {
        TestGraph.reset();
        PostgresStore store = PostgresStore.builder().dataSource(TestGraph.postgres().dataSource()).migrate(false)
                .clock(clock).build();
        projector = TestGraph.graph().projector(store.outbox());
        return store;
    }

    @AfterEach
    void closeProjector() {
        projector.close();
    }

    @Override
    protected KnowledgeGraph graph() {
        return TestGraph.graph().knowledgeGraph();
    }

    @Override
    protected void settle() {
        projector.runUntilCaughtUp();
    }
}
