package io.plinth.core;

import io.plinth.klepsydra.PulseProfileRepository;
import io.plinth.ledger.LedgerRepository;
import io.plinth.tenancy.MemberRepository;
import io.plinth.tenancy.ProjectRepository;
import io.plinth.tenancy.UserRepository;
import io.plinth.tenancy.UserSessionRepository;
import io.plinth.tenancy.WorkspaceRepository;

/**
 * The repositories of every context. The hand-written ones (the ledger, pulse profiles) have an accessor each;
 * a model declared by a {@link io.plinth.core.table.Table table declaration} is reached through
 * {@link RepositoryLookup#repository(Class)}, which its context's interface calls from a default accessor (for
 * example {@code MemoryRepositories.communities()}). A new context adds its interface to the
 * {@code extends} list here.
 */
public interface Repositories extends RepositoryLookup, io.plinth.memory.MemoryRepositories {
    default UserRepository users() {
        return repository(UserRepository.class);
    }

    default WorkspaceRepository workspaces() {
        return repository(WorkspaceRepository.class);
    }

    default MemberRepository members() {
        return repository(MemberRepository.class);
    }

    default ProjectRepository projects() {
        return repository(ProjectRepository.class);
    }

    default UserSessionRepository sessions() {
        return repository(UserSessionRepository.class);
    }

    LedgerRepository ledger();

    PulseProfileRepository pulseProfiles();

    /** The relationship questions of the users' knowledge graphs (seed 004 Part 2); every call only reads. */
    io.plinth.graph.KnowledgeGraph graph();
}
