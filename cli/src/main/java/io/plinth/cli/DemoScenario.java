package io.plinth.cli;

import io.plinth.core.ConflictException;
import io.plinth.core.InvalidInputException;
import io.plinth.core.Json;
import io.plinth.core.PageRequest;
import io.plinth.core.PlinthException;
import io.plinth.core.Store;
import io.plinth.tenancy.Membership;
import io.plinth.tenancy.NewProject;
import io.plinth.tenancy.NewUser;
import io.plinth.tenancy.NewUserSession;
import io.plinth.tenancy.NewWorkspace;
import io.plinth.tenancy.PasswordHash;
import io.plinth.tenancy.PlanTier;
import io.plinth.tenancy.Project;
import io.plinth.tenancy.Role;
import io.plinth.tenancy.User;
import io.plinth.tenancy.UserSession;
import io.plinth.tenancy.Workspace;
import io.plinth.tenancy.WorkspaceId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What {@code plinth demo} does to a store: a workspace with members, projects and sessions, each
 * step one unit of work, then three failures handled the way an application would handle them.
 */
final class DemoScenario {
    /** How far the demo moves its clock before checking which sessions are still live. */
    static final Duration LATER = Duration.ofHours(2);

    private final Store store;
    private final DemoClock clock;
    private final String domain;

    DemoScenario(Store store, DemoClock clock, String domain) {
        this.store = store;
        this.clock = clock;
        this.domain = domain;
    }

    record Outcome(Workspace workspace, User owner, List<Member> members, List<Project> projects,
                   Map<User, List<UserSession>> liveSessions, List<Expired> expired, Instant checkedAt,
                   int sessionsOpened, int unitsCommitted, List<Handled> handled) {
    }

    private record Founded(List<User> people, Workspace workspace) {
    }

    record Member(User user, Membership membership) {
    }

    record Expired(User user, UserSession session) {
    }

    /** A failure the demo provoked on purpose, and what the store looked like afterwards. */
    record Handled(String what, PlinthException error, String afterwards) {
    }

    Outcome run() {
        // Unit of work 1: four people and their workspace, all or nothing.
        Founded founded = store.inTransaction(tx -> {
            User ada = tx.users().create(new NewUser(email("ada"), "Ada Lovelace",
                    new PasswordHash("$argon2id$v=19$m=65536,t=3,p=4$ZGVtby1zYWx0$Gf0r6eW2f3b1nYx8VQ")));
            User grace = tx.users().create(NewUser.of(email("grace"), "Grace Hopper"));
            User alan = tx.users().create(NewUser.of(email("alan"), "Alan Turing"));
            User katherine = tx.users().create(NewUser.of(email("katherine"), "Katherine Johnson"));
            Workspace forge = tx.workspaces().create(new NewWorkspace("Obsidian Forge", ada.id(), PlanTier.ARTISAN));
            tx.members().add(forge.id(), grace.id(), Role.MANAGER);
            tx.members().add(forge.id(), alan.id(), Role.OPERATOR);
            tx.members().add(forge.id(), katherine.id(), Role.AUDITOR);
            return new Founded(List.of(ada, grace, alan, katherine), forge);
        });
        List<User> people = founded.people();
        Workspace forge = founded.workspace();
        User ada = people.get(0);
        User grace = people.get(1);
        User alan = people.get(2);
        User katherine = people.get(3);

        // Unit of work 2: two projects, known by their key names.
        store.useTransaction(tx -> {
            tx.projects().create(NewProject.builder().workspaceId(forge.id()).name("Forge Runtime").keyName("FORGE")
                    .description("Agent orchestration, tool calls and hand-offs").createdBy(ada.id()).build());
            tx.projects().create(NewProject.builder().workspaceId(forge.id()).name("Anvil Evaluations").keyName("ANVIL")
                    .description("Regression suites for agent behaviour").createdBy(grace.id()).build());
        });

        // Unit of work 3: everyone signs in; Ada's phone session is short-lived.
        Instant now = clock.instant();
        List<NewUserSession> sessions = List.of(
                session(ada, Map.of("device", "MacBook Pro", "os", "macOS 15.1", "app", "forge-desktop 2.4"),
                        "203.0.113.7", "ForgeDesktop/2.4 (Macintosh; macOS 15.1)", now.plus(Duration.ofDays(30))),
                session(ada, Map.of("device", "Pixel 9", "os", "Android 15", "app", "forge-mobile 1.9"),
                        "2001:db8:42::7", "ForgeMobile/1.9 (Android 15)", now.plus(Duration.ofMinutes(45))),
                session(grace, Map.of("device", "ThinkPad X1", "os", "Fedora 41", "browser", "Firefox 132"),
                        "198.51.100.23", "Mozilla/5.0 (X11; Fedora; Linux x86_64) Firefox/132.0", now.plus(Duration.ofDays(7))),
                session(alan, Map.of("device", "build-agent-03", "os", "Debian 12", "kind", "service"),
                        "10.0.4.17", "plinth-agent/0.1 (linux; amd64)", now.plus(Duration.ofHours(12))),
                session(katherine, Map.of("device", "iPad Air", "os", "iPadOS 18"),
                        "192.0.2.88", "ForgeTablet/1.2 (iPadOS 18)", now.plus(Duration.ofHours(8))));
        store.inTransaction(tx -> {
            sessions.forEach(s -> tx.sessions().create(s));
            return null;
        });

        List<Handled> handled = new ArrayList<>();
        handled.add(duplicateEmail(ada));
        handled.add(invalidKeyName(forge));
        handled.add(failedUnitOfWork());

        // Read everything back, as the rest of an application would.
        Workspace workspace = store.workspaces().get(forge.id());
        User owner = store.users().get(workspace.ownerId());
        List<Member> members = new ArrayList<>();
        for (Membership m : store.members().list(workspace.id(), PageRequest.first()).items()) {
            members.add(new Member(store.users().get(m.userId()), m));
        }
        List<Project> projects = store.projects().list(workspace.id(), PageRequest.first()).items();

        clock.advance(LATER);
        Instant checkedAt = clock.instant();
        Map<User, List<UserSession>> live = new LinkedHashMap<>();
        List<Expired> expired = new ArrayList<>();
        for (Member member : members) {
            List<UserSession> liveNow = store.sessions().listLive(member.user().id(), PageRequest.first()).items();
            live.put(member.user(), liveNow);
            for (UserSession s : store.sessions().list(member.user().id(), PageRequest.first()).items()) {
                if (liveNow.stream().noneMatch(l -> l.id().equals(s.id()))) {
                    expired.add(new Expired(member.user(), s));
                }
            }
        }
        return new Outcome(workspace, owner, members, projects, live, expired, checkedAt,
                sessions.size(), 3, handled);
    }

    private Handled duplicateEmail(User ada) {
        String shouted = ada.email().toUpperCase(java.util.Locale.ROOT);
        try {
            store.users().create(NewUser.of(shouted, "Ada again"));
            throw new IllegalStateException("a second user with " + shouted + " was accepted");
        } catch (ConflictException e) {
            long adas = store.users().findByEmail(ada.email()).stream().count();
            return new Handled("a second user with email " + shouted, e,
                    "still " + adas + " user with that email, ignoring case");
        }
    }

    private Handled invalidKeyName(Workspace forge) {
        try {
            NewProject.builder().workspaceId(forge.id()).name("Bellows").keyName("bellows-v2").build();
            throw new IllegalStateException("key name bellows-v2 was accepted");
        } catch (InvalidInputException e) {
            return new Handled("a project with key name 'bellows-v2'", e, "refused by the record, before any SQL ran");
        }
    }

    private Handled failedUnitOfWork() {
        String eve = email("eve");
        AtomicReference<WorkspaceId> vault = new AtomicReference<>();
        try {
            store.useTransaction(tx -> {
                User user = tx.users().create(NewUser.of(eve, "Eve Moneypenny"));
                Workspace ws = tx.workspaces().create(NewWorkspace.of("Ashen Vault", user.id()));
                vault.set(ws.id());
                tx.projects().create(NewProject.builder().workspaceId(ws.id()).name("Vault").keyName("VAULT")
                        .createdBy(user.id()).build());
                tx.projects().create(NewProject.builder().workspaceId(ws.id()).name("Vault, again").keyName("VAULT")
                        .createdBy(user.id()).build());
            });
            throw new IllegalStateException("a second project with key VAULT was accepted");
        } catch (ConflictException e) {
            boolean userLeft = store.users().findByEmail(eve).isPresent();
            boolean workspaceLeft = store.workspaces().find(vault.get()).isPresent();
            if (userLeft || workspaceLeft) {
                throw new IllegalStateException("the failed unit of work left rows behind");
            }
            return new Handled("one unit of work: a user, a workspace, two projects both keyed VAULT", e,
                    "rolled back: no user " + eve + ", no workspace Ashen Vault");
        }
    }

    private String email(String local) {
        return local + "@" + domain;
    }

    private static NewUserSession session(User user, Map<String, String> device, String ip, String agent, Instant expires) {
        return new NewUserSession(user.id(), Json.of(device), ip, agent, expires);
    }
}
