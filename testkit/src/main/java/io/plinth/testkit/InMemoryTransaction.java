package io.plinth.testkit;

import io.plinth.core.Transaction;
import io.plinth.klepsydra.PulseProfileRepository;
import io.plinth.ledger.LedgerRepository;
import io.plinth.tenancy.MemberRepository;
import io.plinth.tenancy.ProjectRepository;
import io.plinth.tenancy.UserRepository;
import io.plinth.tenancy.UserSessionRepository;
import io.plinth.tenancy.WorkspaceRepository;
import io.plinth.testkit.klepsydra.MemPulseProfileRepository;
import io.plinth.testkit.ledger.MemLedgerRepository;
import io.plinth.testkit.tenancy.MemMemberRepository;
import io.plinth.testkit.tenancy.MemProjectRepository;
import io.plinth.testkit.tenancy.MemUserRepository;
import io.plinth.testkit.tenancy.MemUserSessionRepository;
import io.plinth.testkit.tenancy.MemWorkspaceRepository;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * One unit of work's view of the in-memory tables. Each repository call is atomic on its own, as a
 * statement is in PostgreSQL: if it throws, its changes are undone before the exception leaves it.
 * Unusable once the work has ended.
 */
final class InMemoryTransaction implements Transaction {
    private final Tables tables;
    private final Supplier<Instant> now;
    private volatile boolean ended;

    InMemoryTransaction(Tables tables, Supplier<Instant> now) {
        this.tables = tables;
        this.now = now;
    }

    void end() {
        ended = true;
    }

    private <R> R statements(Class<R> type, R repository) {
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            if (ended) {
                throw new IllegalStateException("this transaction has ended; use its repositories only inside the unit of work");
            }
            int mark = tables.mark();
            try {
                return method.invoke(repository, args);
            } catch (InvocationTargetException e) {
                tables.rollbackTo(mark);
                throw e.getCause();
            }
        });
        return type.cast(proxy);
    }

    @Override
    public UserRepository users() {
        return statements(UserRepository.class, new MemUserRepository(tables, now));
    }

    @Override
    public WorkspaceRepository workspaces() {
        return statements(WorkspaceRepository.class, new MemWorkspaceRepository(tables, now));
    }

    @Override
    public MemberRepository members() {
        return statements(MemberRepository.class, new MemMemberRepository(tables, now));
    }

    @Override
    public ProjectRepository projects() {
        return statements(ProjectRepository.class, new MemProjectRepository(tables, now));
    }

    @Override
    public UserSessionRepository sessions() {
        return statements(UserSessionRepository.class, new MemUserSessionRepository(tables, now));
    }

    @Override
    public LedgerRepository ledger() {
        return statements(LedgerRepository.class, new MemLedgerRepository(tables, now));
    }

    @Override
    public PulseProfileRepository pulseProfiles() {
        return statements(PulseProfileRepository.class, new MemPulseProfileRepository(tables, now));
    }
}
