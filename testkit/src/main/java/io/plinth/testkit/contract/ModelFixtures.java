package io.plinth.testkit.contract;

import io.plinth.core.Json;
import io.plinth.memory.*;
import io.plinth.tenancy.NewMembership;
import io.plinth.tenancy.NewProject;
import io.plinth.tenancy.NewUser;
import io.plinth.tenancy.Role;
import io.plinth.tenancy.UserId;
import io.plinth.tenancy.PlanTier;
import io.plinth.tenancy.WorkspaceId;
import io.plinth.tenancy.NewWorkspace;
import io.plinth.tenancy.NewUserSession;
import io.plinth.tenancy.ProjectId;
import io.plinth.tenancy.SessionId;
import io.plinth.tenancy.TenancyTables;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The fixture of every declared model; {@link ModelContract} fails for a declared table without one. */
public final class ModelFixtures {
    private ModelFixtures() {
    }

    /** One fixture per declared table. */
    public static final List<ModelFixture<?, ?, ?, ?>> ALL = List.of(
            new ModelFixture<>(TenancyTables.USERS, UserId::new, (store, user) -> user.id(),
                    (store, user, n) -> new NewUser("user-" + n + "-" + UUID.randomUUID() + "@example.com",
                            n % 2 == 0 ? null : "User " + n, null, n % 2 == 0 ? "eu" : "us", "Europe/Paris", "fr",
                            "https://example.com/" + n + ".png", Json.parse("{\"theme\": \"dark\", \"n\": " + n + "}")),
                    u -> u.withName("Renamed").withTimezone(null).withMemoryProfile(Json.parse("{\"topics\": [\"tea\"]}"))
                            .withLastActiveAt(Instant.parse("2026-02-01T00:00:00Z"))),
            new ModelFixture<>(TenancyTables.WORKSPACES, WorkspaceId::new, (store, user) -> user.id(),
                    (store, owner, n) -> new NewWorkspace("Workspace " + n, owner, PlanTier.values()[n % 3]),
                    w -> w.withName("Renamed").withPlanTier(PlanTier.PRIESTHOOD)),
            new ModelFixture<>(TenancyTables.WORKSPACE_MEMBERS, UserId::new,
                    (store, user) -> store.workspaces().create(NewWorkspace.of("Workspace of " + user.name(), user.id())).id(),
                    (store, workspace, n) -> new NewMembership(workspace, store.users().create(
                            NewUser.of("member-" + n + "-" + UUID.randomUUID() + "@example.com", "Member " + n)).id(),
                            Role.values()[n % 4]),
                    m -> m.withRole(m.role() == Role.AUDITOR ? Role.MANAGER : Role.AUDITOR)),
            new ModelFixture<>(TenancyTables.PROJECTS, ProjectId::new,
                    (store, user) -> store.workspaces().create(NewWorkspace.of("Workspace of " + user.name(), user.id())).id(),
                    (store, workspace, n) -> new NewProject(workspace, "Project " + n, "P" + n, n % 2 == 0 ? null : "About " + n, null),
                    p -> p.withName("Renamed").withKeyName(p.keyName() + "X")),
            new ModelFixture<>(TenancyTables.USER_SESSIONS, SessionId::new, (store, user) -> user.id(),
                    (store, user, n) -> new NewUserSession(user, null, "10.0.0." + n, "agent " + n,
                            Instant.parse("2030-01-01T00:00:00Z")),
                    s -> s.withExpiresAt(s.expiresAt().plusSeconds(3600)).withDeviceInfo(Json.parse("{\"os\": \"linux\"}"))),
            new ModelFixture<>(MemoryTables.COMMUNITIES, CommunityId::new, (store, user) -> user.id(),
                    (store, user, n) -> new NewCommunity(user, "Community " + n, n % 2 == 0 ? null : "About " + n),
                    c -> c.withName(c.name() + " (renamed)").withDescription("Changed")),
            new ModelFixture<>(MemoryTables.CARDS, CardId::new, (store, user) -> user.id(),
                    (store, user, n) -> new NewCard(user, "insight", memoryUnit(store, user, n).id().value(),
                            CardSourceType.MEMORY_UNIT, null),
                    c -> c.withStatus(CardStatus.ACTIVE_ARCHIVE).withIsFavorited(true)),
            new ModelFixture<>(MemoryTables.CONVERSATIONS, ConversationId::new, (store, user) -> user.id(),
                    (store, user, n) -> new NewConversation(user, "Conversation " + n, 0.5, null, Json.parse("{\"n\": " + n + "}"), null),
                    c -> c.withTitle("Renamed").withContextSummary("Summed up")),
            new ModelFixture<>(MemoryTables.CONVERSATION_MESSAGES, MessageId::new, (store, user) -> user.id(),
                    (store, user, n) -> new NewConversationMessage(user, conversation(store, user).id(),
                            n % 2 == 0 ? MessageRole.ASSISTANT : MessageRole.USER, "Message " + n, null, List.of()),
                    m -> m),
            new ModelFixture<>(MemoryTables.MEMORY_UNITS, MemoryUnitId::new, (store, user) -> user.id(),
                    (store, user, n) -> newMemoryUnit(user, n),
                    m -> m.withTitle("Retitled").withImportanceScore(0.9)),
            new ModelFixture<>(MemoryTables.CONCEPTS, ConceptId::new, (store, user) -> user.id(),
                    (store, user, n) -> new NewConcept(user, "Concept " + n, "topic", null, 0.25, null),
                    c -> c.withDescription("Described").withSalience(0.75)),
            new ModelFixture<>(MemoryTables.MEDIA_ITEMS, MediaId::new, (store, user) -> user.id(),
                    (store, user, n) -> new NewMedia(user, null, MediaType.IMAGE, "s3://bucket/" + n + ".png", n + ".png",
                            "image/png", 1024 * n, "sha256:" + UUID.randomUUID(), null),
                    m -> m.withProcessingStatus("processed")),
            new ModelFixture<>(MemoryTables.DERIVED_ARTIFACTS, DerivedArtifactId::new, (store, user) -> user.id(),
                    (store, user, n) -> new NewDerivedArtifact(user, ArtifactType.INSIGHT_SUMMARY, "Insight " + n, "It seems",
                            null, null, null),
                    a -> a.withTitle("Retitled")),
            new ModelFixture<>(MemoryTables.GROWTH_EVENTS, GrowthEventId::new, (store, user) -> user.id(),
                    (store, user, n) -> new NewGrowthEvent(user, UUID.randomUUID().toString(), "Concept", "curiosity", 0.5 * n,
                            "reflection", null),
                    g -> g),
            new ModelFixture<>(MemoryTables.USER_CHALLENGES, UserChallengeId::new, (store, user) -> user.id(),
                    (store, user, n) -> new NewUserChallenge(user, "template-" + n, null, null),
                    c -> c.withStatus("completed")),
            new ModelFixture<>(MemoryTables.PROACTIVE_PROMPTS, ProactivePromptId::new, (store, user) -> user.id(),
                    (store, user, n) -> new NewProactivePrompt(user, "How was your day " + n + "?", "companion", null),
                    p -> p.withStatus("shown")),
            new ModelFixture<>(MemoryTables.MENTIONS, MentionId::new, (store, user) -> user.id(),
                    (store, user, n) -> new NewMention(user, memoryUnit(store, user, n).id(), concept(store, user).id(), 1.0 / n),
                    m -> m.withWeight(m.weight() / 2)),
            new ModelFixture<>(MemoryTables.CONCEPT_RELATIONS, ConceptRelationId::new, (store, user) -> user.id(),
                    (store, user, n) -> new NewConceptRelation(user, concept(store, user).id(), concept(store, user).id(),
                            1.0 / n, n % 2 == 0 ? "co-occurrence" : "llm"),
                    r -> r.withWeight(r.weight() / 2).withProvenance("user")),
            new ModelFixture<>(MemoryTables.INTERACTION_LOGS, InteractionLogId::new, (store, user) -> user.id(),
                    (store, user, n) -> new NewInteractionLog(user, "view", null, null, "Looked " + n, null, null),
                    i -> i),
            new ModelFixture<>(MemoryTables.USER_GRAPH_PROJECTIONS, GraphProjectionId::new, (store, user) -> user.id(),
                    (store, user, n) -> new NewUserGraphProjection(user, Json.parse("{\"nodes\": [], \"n\": " + n + "}")),
                    p -> p));

    private static NewMemoryUnit newMemoryUnit(io.plinth.tenancy.UserId user, int n) {
        return new NewMemoryUnit(user, "Memory " + n, "Something happened", Instant.parse("2025-06-01T12:00:00Z"), 0.5, null, null);
    }

    private static MemoryUnit memoryUnit(io.plinth.core.Store store, io.plinth.tenancy.UserId user, int n) {
        return store.memoryUnits().create(newMemoryUnit(user, n));
    }

    private static Concept concept(io.plinth.core.Store store, io.plinth.tenancy.UserId user) {
        return store.concepts().create(new NewConcept(user, "Concept " + UUID.randomUUID(), "topic", null, null, null));
    }

    private static Conversation conversation(io.plinth.core.Store store, io.plinth.tenancy.UserId user) {
        return store.conversations().create(new NewConversation(user, null, null, null, null, null));
    }
}
