package io.plinth.testkit;

import io.plinth.core.Transaction;
import io.plinth.tenancy.MemberRepository;
import io.plinth.tenancy.ProjectRepository;
import io.plinth.tenancy.UserRepository;
import io.plinth.tenancy.UserSessionRepository;
import io.plinth.tenancy.WorkspaceRepository;
import io.plinth.testkit.tenancy.MemMemberRepository;
import io.plinth.testkit.tenancy.MemProjectRepository;
import io.plinth.testkit.tenancy.MemUserRepository;
import io.plinth.testkit.tenancy.MemUserSessionRepository;
import io.plinth.testkit.tenancy.MemWorkspaceRepository;
import io.plinth.testkit.tenancy.TenancyTables;
import java.time.Instant;
import java.util.function.Supplier;

/** One unit of work's view of the in-memory tables; unusable once the work has ended. */
final class InMemoryTransaction implements Transaction {
    private final TenancyTables tables;
    private final Supplier<Instant> now;
    private volatile boolean ended;

    InMemoryTransaction(TenancyTables tables, Supplier<Instant> now) {
        this.tables = tables;
        this.now = now;
    }

    void end() {
        ended = true;
    }

    private TenancyTables tables() {
        if (ended) {
            throw new IllegalStateException("this transaction has ended; use the repositories only inside the unit of work");
        }
        return tables;
    }

    @Override
    public UserRepository users() {
        return new MemUserRepository(tables(), now);
    }

    @Override
    public WorkspaceRepository workspaces() {
        return new MemWorkspaceRepository(tables(), now);
    }

    @Override
    public MemberRepository members() {
        return new MemMemberRepository(tables(), now);
    }

    @Override
    public ProjectRepository projects() {
        return new MemProjectRepository(tables(), now);
    }

    @Override
    public UserSessionRepository sessions() {
        return new MemUserSessionRepository(tables(), now);
    }
}
