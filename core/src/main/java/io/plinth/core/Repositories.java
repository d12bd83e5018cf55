package io.plinth.core;

import io.plinth.klepsydra.PulseProfileRepository;
import io.plinth.ledger.LedgerRepository;
import io.plinth.tenancy.MemberRepository;
import io.plinth.tenancy.ProjectRepository;
import io.plinth.tenancy.UserRepository;
import io.plinth.tenancy.UserSessionRepository;
import io.plinth.tenancy.WorkspaceRepository;

/** The repositories of every context. A new context adds its accessor here. */
public interface Repositories {
    UserRepository users();

    WorkspaceRepository workspaces();

    MemberRepository members();

    ProjectRepository projects();

    UserSessionRepository sessions();

    LedgerRepository ledger();

    PulseProfileRepository pulseProfiles();
}
