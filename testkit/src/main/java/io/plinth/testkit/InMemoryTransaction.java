package io.plinth.testkit;

import io.plinth.core.Transaction;
import io.plinth.graph.KnowledgeGraph;
import io.plinth.klepsydra.PulseProfileRepository;
import io.plinth.testkit.graph.MemKnowledgeGraph;
import io.plinth.ledger.LedgerRepository;
import io.plinth.testkit.klepsydra.MemPulseProfileRepository;
import io.plinth.testkit.ledger.MemLedgerRepository;
import io.plinth.core.internal.RepositoryCalls;
import io.plinth.core.internal.UnitOfWork;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One unit of work's view of the in-memory tables. Each repository call is atomic on its own, as a
 * statement is in PostgreSQL: if it throws, its changes are undone before the exception leaves it.
 * Unusable once the work has ended.
 */
final class InMemoryTransaction implements Transaction {
    private final Tables tables;
    private final Supplier<Instant> now;
    private final UnitOfWork work = new UnitOfWork();
    private final Map<Class<?>, Object> declared = new HashMap<>();

    InMemoryTransaction(Tables tables, Supplier<Instant> now) {
        this.tables = tables;
        this.now = now;
    }

    void end() {
        work.end();
    }

    private <R> R statements(Class<R> type, R repository) {
        return RepositoryCalls.proxy(type, repository, work, (method, target, args) -> {
            int mark = tables.mark();
            try {
                return RepositoryCalls.invoke(method, target, args);
            } catch (Throwable e) {
                tables.rollbackTo(mark);
                throw e;
            }
        });
    }

    @Override
    public <R> R repository(Class<R> type) {
        return type.cast(declared.computeIfAbsent(type, t -> statements(type,
                RepositoryCalls.implement(type, InMemoryModels.repository(type, tables, now)))));
    }

    @Override
    public LedgerRepository ledger() {
        return statements(LedgerRepository.class, new MemLedgerRepository(tables, now));
    }

    @Override
    public KnowledgeGraph graph() {
        return statements(KnowledgeGraph.class, new MemKnowledgeGraph(tables, now));
    }

    @Override
    public PulseProfileRepository pulseProfiles() {
        return statements(PulseProfileRepository.class, new MemPulseProfileRepository(tables, now));
    }
}
