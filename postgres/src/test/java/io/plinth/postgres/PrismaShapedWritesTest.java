package io.plinth.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plinth.core.AppendRepository;
import io.plinth.core.InvalidInputException;
import io.plinth.core.Json;
import io.plinth.core.PageRequest;
import io.plinth.core.Store;
import io.plinth.core.table.Schema;
import io.plinth.core.table.Table;
import io.plinth.memory.ArtifactType;
import io.plinth.memory.Card;
import io.plinth.memory.CardId;
import io.plinth.memory.CardSourceType;
import io.plinth.memory.CardStatus;
import io.plinth.memory.Community;
import io.plinth.memory.CommunityId;
import io.plinth.memory.Concept;
import io.plinth.memory.ConceptId;
import io.plinth.memory.ConceptStatus;
import io.plinth.memory.Conversation;
import io.plinth.memory.ConversationId;
import io.plinth.memory.ConversationMessage;
import io.plinth.memory.ConversationStatus;
import io.plinth.memory.DerivedArtifact;
import io.plinth.memory.DerivedArtifactId;
import io.plinth.memory.GraphProjectionId;
import io.plinth.memory.GrowthEvent;
import io.plinth.memory.GrowthEventId;
import io.plinth.memory.InteractionLog;
import io.plinth.memory.InteractionLogId;
import io.plinth.memory.Media;
import io.plinth.memory.MediaId;
import io.plinth.memory.MediaType;
import io.plinth.memory.MemoryUnit;
import io.plinth.memory.MemoryUnitId;
import io.plinth.memory.MessageId;
import io.plinth.memory.MessageRole;
import io.plinth.memory.ProactivePrompt;
import io.plinth.memory.ProactivePromptId;
import io.plinth.memory.UserChallenge;
import io.plinth.memory.UserChallengeId;
import io.plinth.memory.UserGraphProjection;
import io.plinth.postgres.PrismaSchema.Field;
import io.plinth.postgres.PrismaSchema.Model;
import io.plinth.tenancy.SessionId;
import io.plinth.tenancy.User;
import io.plinth.tenancy.UserId;
import io.plinth.tenancy.UserSession;
import io.plinth.tenancy.UserStatus;
import io.plinth.testkit.TestClock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rows written the way a Prisma client generated from seed 004 writes them — raw SQL naming only
 * the seed's columns, every status the seed's comments list, nulls for optional fields, {@code '{}'}
 * arrays, the client's own ids and {@code @updatedAt} values, and none of Plinth's added columns
 * ({@code version}, {@code conversation_messages.user_id}) — are accepted by the database, read back
 * by Plinth's repositories with their values, and updated by Plinth, which sets the seed's
 * {@code @updatedAt} columns to its store's clock.
 *
 * <p>Then values the seed's types allow but Plinth's records refuse (empty and very long texts,
 * NaN, a negative size) are probed on every text, float and integer column; each refusal is in
 * {@link #REFUSED}, with its reason (docs/models.md, "Values the seed allows and Plinth refuses").
 */
class PrismaShapedWritesTest {
    /** What a Prisma client writes for its own {@code @updatedAt} and times: milliseconds. */
    private static final Instant WRITTEN = Instant.parse("2025-06-01T10:00:00.123Z");

    private final TestClock clock = new TestClock();
    private Store store;
    private UUID user;

    @BeforeEach
    void emptyDatabaseAndOneUser() throws SQLException {
        store = TestDatabase.emptyStore(clock);
        user = UUID.randomUUID();
        insertUser(user, "ada@example.com");
    }

    /** A user as a Prisma client creates one: its id, email and {@code @updatedAt}; nulls for the optional fields. */
    private static void insertUser(UUID id, String email) throws SQLException {
        insert("users", row("user_id", id, "email", email, "hashed_password", null, "name", null,
                "timezone", null, "language_preference", null, "profile_picture_url", null, "last_active_at", WRITTEN,
                "memory_profile", null, "knowledge_graph_schema", null, "next_conversation_context_package", null,
                "last_cycle_started_at", null, "preferences", null));
    }

    @Test
    void aUserReadsBackAndAnUpdateSetsLastActiveAt() throws SQLException {
        User read = store.users().get(new UserId(user));
        assertEquals("ada@example.com", read.email());
        assertNull(read.name());
        assertEquals(UserStatus.ACTIVE, read.status());
        assertEquals(0, read.version());
        assertEquals(List.of("us", "active", "0"), strings("SELECT region, account_status, concepts_created_in_cycle::text FROM users"));

        clock.advance(Duration.ofMinutes(5));
        store.users().update(read.withName("Ada"));
        Instant updated = clock.instant();
        assertEquals(updated, instant("SELECT last_active_at FROM users WHERE user_id = ?", user));

        // The concept cycle is Plinth's bookkeeping, not the user's activity: it leaves the column alone.
        clock.advance(Duration.ofMinutes(5));
        store.concepts().startCycle(new UserId(user));
        assertEquals(updated, instant("SELECT last_active_at FROM users WHERE user_id = ?", user));
    }

    @Test
    void aSessionReadsBackAndAnUpdateSetsLastActiveAt() throws SQLException {
        UUID id = UUID.randomUUID();
        Instant expires = clock.instant().plus(Duration.ofDays(30));
        insert("user_sessions", row("session_id", id, "user_id", user, "device_info", null, "ip_address", null,
                "user_agent", null, "expires_at", expires, "last_active_at", WRITTEN));
        UserSession read = store.sessions().get(new UserId(user), new SessionId(id));
        assertEquals(expires, read.expiresAt());
        assertEquals(WRITTEN, read.lastActiveAt());
        assertNull(read.deviceInfo());

        clock.advance(Duration.ofMinutes(1));
        UserSession updated = store.sessions().update(read.withDeviceInfo(Json.parse("{\"os\": \"ios\"}")));
        assertEquals(clock.instant(), updated.lastActiveAt());
        assertEquals(clock.instant(), instant("SELECT last_active_at FROM user_sessions WHERE session_id = ?", id));
    }

    @Test
    void conversationsOfEveryStatusReadBackAndUpdate() {
        for (ConversationStatus status : ConversationStatus.values()) {
            UUID id = UUID.randomUUID();
            insert("conversations", row("id", id, "user_id", user, "title", null, "ended_at", null,
                    "status", status.spelling(), "importance_score", null, "context_summary", null, "metadata", null,
                    "source_card_id", null));
            Conversation read = store.conversations().get(new UserId(user), new ConversationId(id));
            assertEquals(status, read.status());
            assertNull(read.title());
            assertNull(read.endedAt());
            Conversation updated = store.conversations().update(read.withTitle("Titled"));
            assertEquals(1, updated.version());
            assertEquals(status, updated.status());
        }
    }

    @Test
    void messagesWithoutAUserReadBackAsTheirConversationsUsers() {
        UUID conversation = UUID.randomUUID();
        insert("conversations", row("id", conversation, "user_id", user));
        for (MessageRole role : MessageRole.values()) {
            UUID id = UUID.randomUUID();
            insert("conversation_messages", row("id", id, "conversation_id", conversation, "role", role.spelling(),
                    "content", "Hello", "timestamp", WRITTEN, "llm_call_metadata", null, "media_ids", new TextArray("{}")));
            ConversationMessage read = store.messages().get(new UserId(user), new MessageId(id));
            assertEquals(new UserId(user), read.userId());
            assertEquals(role, read.role());
            assertEquals(List.of(), read.mediaIds());
            assertEquals(WRITTEN, read.timestamp());
        }
        UUID defaulted = UUID.randomUUID();
        insert("conversation_messages", row("id", defaulted, "conversation_id", conversation, "role", "user", "content", "Hi"));
        assertEquals(List.of(), store.messages().get(new UserId(user), new MessageId(defaulted)).mediaIds());
    }

    @Test
    void cardsOfEveryStatusAndSourceTypeReadBackAndAnUpdateSetsUpdatedAt() throws SQLException {
        for (CardStatus status : CardStatus.values()) {
            for (CardSourceType source : CardSourceType.values()) {
                UUID id = UUID.randomUUID();
                insert("cards", row("card_id", id, "user_id", user, "card_type", "memory", "source_entity_id", UUID.randomUUID(),
                        "source_entity_type", source.spelling(), "status", status.spelling(), "display_data", null,
                        "updated_at", WRITTEN));
                Card read = store.cards().get(new UserId(user), new CardId(id));
                assertEquals(status, read.status());
                assertEquals(source, read.sourceEntityType());
                assertEquals(false, read.isFavorited());
                assertEquals(true, read.isSynced());
                assertEquals(WRITTEN, read.updatedAt());

                clock.advance(Duration.ofSeconds(1));
                assertEquals(clock.instant(), store.cards().update(read.withIsFavorited(true)).updatedAt());
                assertEquals(clock.instant(), instant("SELECT updated_at FROM cards WHERE card_id = ?", id));
            }
        }
    }

    @Test
    void aMemoryUnitReadsBackAndAnUpdateSetsLastModifiedTs() throws SQLException {
        UUID id = UUID.randomUUID();
        insert("memory_units", row("muid", id, "user_id", user, "title", "Walk", "content", "By the sea",
                "creation_ts", WRITTEN, "last_modified_ts", WRITTEN, "importance_score", null, "sentiment_score", null,
                "source_conversation_id", null));
        MemoryUnit read = store.memoryUnits().get(new UserId(user), new MemoryUnitId(id));
        assertEquals("By the sea", read.content());
        assertEquals(WRITTEN, read.creationTs());
        assertNull(read.importanceScore());

        clock.advance(Duration.ofSeconds(1));
        assertEquals(clock.instant(), store.memoryUnits().update(read.withTitle("Walk home")).lastModifiedTs());
        assertEquals(clock.instant(), instant("SELECT last_modified_ts FROM memory_units WHERE muid = ?", id));
    }

    @Test
    void conceptsOfEveryStatusReadBackAndAnUpdateSetsLastUpdatedTs() throws SQLException {
        UUID target = UUID.randomUUID();
        for (ConceptStatus status : ConceptStatus.values()) {
            UUID id = status == ConceptStatus.ACTIVE ? target : UUID.randomUUID();
            insert("concepts", row("concept_id", id, "user_id", user, "name", "sea", "type", status.spelling(),
                    "description", null, "status", status.spelling(), "salience", null, "last_updated_ts", WRITTEN,
                    "community_id", null, "merged_into_concept_id", status == ConceptStatus.MERGED ? target : null));
            Concept read = store.concepts().get(new UserId(user), new ConceptId(id));
            assertEquals(status, read.status());
            assertEquals(status == ConceptStatus.MERGED ? new ConceptId(target) : null, read.mergedIntoConceptId());

            clock.advance(Duration.ofSeconds(1));
            assertEquals(clock.instant(), store.concepts().update(read.withDescription("Salt")).lastUpdatedTs());
            assertEquals(clock.instant(), instant("SELECT last_updated_ts FROM concepts WHERE concept_id = ?", id));
        }
    }

    @Test
    void mediaOfEveryTypeReadBackAndUpdate() {
        for (MediaType type : MediaType.values()) {
            UUID id = UUID.randomUUID();
            insert("media_items", row("media_id", id, "user_id", user, "memory_unit_id", null, "type", type.spelling(),
                    "storage_url", "s3://bucket/" + id, "filename", null, "mime_type", null, "size_bytes", null,
                    "hash", null, "metadata", null));
            Media read = store.media().get(new UserId(user), new MediaId(id));
            assertEquals(type, read.type());
            assertEquals("pending", read.processingStatus());
            assertNull(read.hash());
            assertEquals(1, store.media().update(read.withFilename("sea.jpg")).version());
        }
    }

    @Test
    void derivedArtifactsOfEveryTypeReadBackAndUpdate() {
        for (ArtifactType type : ArtifactType.values()) {
            UUID id = UUID.randomUUID();
            insert("derived_artifacts", row("artifact_id", id, "user_id", user, "artifact_type", type.spelling(),
                    "title", "Insight", "content_narrative", null, "content_data", null, "source_memory_unit_id", null,
                    "source_concept_id", null));
            DerivedArtifact read = store.artifacts().get(new UserId(user), new DerivedArtifactId(id));
            assertEquals(type, read.artifactType());
            assertEquals(1, store.artifacts().update(read.withTitle("Insight, revised")).version());
        }
    }

    @Test
    void aCommunityReadsBackAndAnUpdateSetsLastAnalyzedTs() throws SQLException {
        UUID id = UUID.randomUUID();
        insert("communities", row("community_id", id, "user_id", user, "name", "Sea", "description", null,
                "last_analyzed_ts", null));
        Community read = store.communities().get(new UserId(user), new CommunityId(id));
        assertNull(read.lastAnalyzedTs());

        clock.advance(Duration.ofSeconds(1));
        assertEquals(clock.instant(), store.communities().update(read.withName("Ocean")).lastAnalyzedTs());
        assertEquals(clock.instant(), instant("SELECT last_analyzed_ts FROM communities WHERE community_id = ?", id));
    }

    @Test
    void challengesAndPromptsReadBackWithTheSeedsDefaultsAndUpdate() {
        UUID challenge = UUID.randomUUID();
        insert("user_challenges", row("user_challenge_id", challenge, "user_id", user, "challenge_template_id", "walk-7",
                "completion_time", null, "progress_data", null));
        UserChallenge readChallenge = store.challenges().get(new UserId(user), new UserChallengeId(challenge));
        assertEquals("active", readChallenge.status());
        assertEquals(1, store.challenges().update(readChallenge.withProgressData(Json.parse("{\"days\": 1}"))).version());

        UUID prompt = UUID.randomUUID();
        insert("proactive_prompts", row("prompt_id", prompt, "user_id", user, "prompt_text", "How was the sea?",
                "source_agent", "companion", "metadata", null));
        ProactivePrompt readPrompt = store.prompts().get(new UserId(user), new ProactivePromptId(prompt));
        assertEquals("pending", readPrompt.status());
        assertEquals(1, store.prompts().update(readPrompt.withStatus("shown")).version());
    }

    @Test
    void appendOnlyRowsReadBack() {
        UUID event = UUID.randomUUID();
        insert("growth_events", row("event_id", event, "user_id", user, "entity_id", "c-1", "entity_type", "Concept",
                "dim_key", "curiosity", "delta", 0.5, "source", "reflection", "details", null));
        GrowthEvent readEvent = store.growthEvents().get(new UserId(user), new GrowthEventId(event));
        assertEquals(0.5, readEvent.delta());

        UUID log = UUID.randomUUID();
        insert("interaction_logs", row("interaction_id", log, "user_id", user, "interaction_type", "tap",
                "target_entity_id", null, "target_entity_type", null, "content_text", null, "content_structured", null,
                "metadata", null));
        InteractionLog readLog = store.interactions().get(new UserId(user), new InteractionLogId(log));
        assertEquals("tap", readLog.interactionType());

        UUID projection = UUID.randomUUID();
        insert("user_graph_projections", row("projection_id", projection, "user_id", user,
                "projection_data", new JsonText("{\"nodes\": []}")));
        UserGraphProjection readProjection = store.graphProjections().get(new UserId(user), new GraphProjectionId(projection));
        assertEquals("completed", readProjection.status());
        assertEquals(Json.parse("{\"nodes\": []}"), readProjection.projectionData());
    }

    @Test
    void aUserIdChangedByAPrismaClientCarriesEveryRowOfTheUser() throws SQLException {
        UUID conversation = UUID.randomUUID();
        insert("conversations", row("id", conversation, "user_id", user));
        UUID message = UUID.randomUUID();
        insert("conversation_messages", row("id", message, "conversation_id", conversation, "role", "user", "content", "Hi"));
        insert("growth_events", row("event_id", UUID.randomUUID(), "user_id", user, "entity_id", "c-1",
                "entity_type", "Concept", "dim_key", "curiosity", "delta", 1.0, "source", "reflection"));
        insert("interaction_logs", row("interaction_id", UUID.randomUUID(), "user_id", user, "interaction_type", "tap"));

        UUID renamed = UUID.randomUUID();
        execute("UPDATE users SET user_id = ? WHERE user_id = ?", renamed, user);

        assertEquals(new UserId(renamed), store.messages().get(new UserId(renamed), new MessageId(message)).userId());
        assertEquals(1, store.conversations().list(new UserId(renamed), PageRequest.first(10)).items().size());
        assertEquals(1, store.growthEvents().list(new UserId(renamed), PageRequest.first(10)).items().size());
        assertEquals(1, store.interactions().list(new UserId(renamed), PageRequest.first(10)).items().size());
    }

    // ---------------------------------------------------------------- values Plinth refuses

    /** An empty text: the seed's {@code String} takes it. */
    private static final String EMPTY = "empty";
    /** 100,001 characters: more than any of Plinth's limits; the seed's {@code String} has none. */
    private static final String LONG = "100001 characters";
    /** A float that is not a number: the seed's {@code Float} (double precision) takes it. */
    private static final String NAN = "NaN";
    /** A negative integer: the seed's {@code Int} takes it. */
    private static final String NEGATIVE = "-1";

    /**
     * The values the seed allows that Plinth refuses to read back (an {@link InvalidInputException}
     * naming the field), by column and probe. Plinth keeps these rules on purpose: records are
     * values validated in their constructors, the same on both stores, so what a caller reads is
     * what Plinth would let it write (docs/models.md, "Values the seed allows and Plinth refuses").
     * Every entry must still be refused (a stale entry fails the test).
     */
    private static final Map<String, String> REFUSED = refused();

    private static Map<String, String> refused() {
        Map<String, String> m = new TreeMap<>();
        // Required and optional texts are never empty or blank (Check.text / Check.optionalText): a
        // blank name, title or content is a caller's mistake, and one spelling of "no value" (null) is kept.
        for (String column : List.of("user_sessions.ip_address", "user_sessions.user_agent",
                "conversations.title", "conversations.context_summary", "conversation_messages.content",
                "cards.card_type", "memory_units.title", "memory_units.content", "concepts.name", "concepts.type",
                "concepts.description", "media_items.storage_url", "media_items.filename", "media_items.mime_type",
                "media_items.hash", "media_items.processing_status", "growth_events.entity_id", "growth_events.entity_type",
                "growth_events.dim_key", "growth_events.source", "user_challenges.challenge_template_id",
                "user_challenges.status", "proactive_prompts.prompt_text", "proactive_prompts.source_agent",
                "proactive_prompts.status", "derived_artifacts.title", "derived_artifacts.content_narrative",
                "communities.name", "communities.description", "interaction_logs.interaction_type",
                "interaction_logs.target_entity_id", "interaction_logs.target_entity_type", "interaction_logs.content_text",
                "user_graph_projections.status")) {
            m.put(column + " " + EMPTY, "not blank");
        }
        // Texts are bounded (500 for names, titles, kinds and keys; 2048 for a URL; 10,000 for a
        // community's description; 100,000 for contents): a bound keeps one row from holding megabytes.
        for (String column : List.of("conversations.title", "conversations.context_summary", "conversation_messages.content",
                "cards.card_type", "memory_units.title", "memory_units.content", "concepts.name", "concepts.type",
                "concepts.description", "media_items.storage_url", "media_items.filename", "media_items.mime_type",
                "media_items.hash", "media_items.processing_status", "growth_events.entity_id", "growth_events.entity_type",
                "growth_events.dim_key", "growth_events.source", "user_challenges.challenge_template_id",
                "user_challenges.status", "proactive_prompts.prompt_text", "proactive_prompts.source_agent",
                "proactive_prompts.status", "derived_artifacts.title", "derived_artifacts.content_narrative",
                "communities.name", "communities.description", "interaction_logs.interaction_type",
                "interaction_logs.target_entity_id", "interaction_logs.target_entity_type", "interaction_logs.content_text",
                "user_graph_projections.status")) {
            m.put(column + " " + LONG, "bounded");
        }
        // A session's IP address is an IPv4 or IPv6 address (at most 45 characters, also a CHECK of
        // V1) and its user agent at most 1000 characters (a CHECK of V1): the database refuses them.
        m.put("user_sessions.ip_address " + LONG, "refused by the database: CHECK user_sessions_ip_address_check");
        m.put("user_sessions.user_agent " + LONG, "refused by the database: CHECK user_sessions_user_agent_check");
        // Scores, salience and deltas are finite (Check.finite): NaN has no order and breaks sums.
        for (String column : List.of("conversations.importance_score", "memory_units.importance_score",
                "memory_units.sentiment_score", "concepts.salience", "growth_events.delta")) {
            m.put(column + " " + NAN, "finite");
        }
        // A size in bytes is never negative.
        m.put("media_items.size_bytes " + NEGATIVE, "not negative");
        return m;
    }

    @Test
    void valuesTheSeedAllowsArePlinthsOrListedAsRefused() throws SQLException {
        PrismaSchema seed = PrismaSchema.seed004();
        Map<String, String> refusedNow = new TreeMap<>();
        List<String> probed = new ArrayList<>();
        for (Model model : seed.models()) {
            if (model.table().equals("users")) {
                continue; // users' rules are CHECKs of V1, listed in PrismaSchemaTest
            }
            for (Field field : model.scalars()) {
                String column = model.table() + "." + field.name();
                for (Map.Entry<String, Object> probe : probes(field, column).entrySet()) {
                    String key = column + " " + probe.getKey();
                    probed.add(key);
                    String outcome = probe(model, field.name(), probe.getValue());
                    if (outcome != null) {
                        refusedNow.put(key, outcome);
                    }
                }
            }
        }
        assertTrue(probed.size() > 70, "probed " + probed);
        assertEquals(REFUSED.keySet().stream().sorted().toList(), List.copyOf(refusedNow.keySet()),
                "values the seed allows that Plinth refuses: " + refusedNow);
    }

    /** The probes of one column: empty and long texts, NaN, a negative integer. */
    private static Map<String, Object> probes(Field field, String column) {
        Map<String, Object> probes = new LinkedHashMap<>();
        if (field.list() || ENUMS.contains(column) || field.id() || field.name().endsWith("_id") && !TEXT_IDS.contains(column)) {
            return probes;
        }
        switch (field.type()) {
            case "String" -> {
                probes.put(EMPTY, "");
                probes.put(LONG, "x".repeat(100_001));
            }
            case "Float" -> probes.put(NAN, Double.NaN);
            case "Int" -> probes.put(NEGATIVE, -1);
            default -> {
            }
        }
        return probes;
    }

    /** Text columns the database checks against the seed's listed values (probed in the tests above). */
    private static final Set<String> ENUMS = Set.of("conversations.status", "conversation_messages.role",
            "cards.source_entity_type", "cards.status", "concepts.status", "media_items.type",
            "derived_artifacts.artifact_type");
    /** Columns ending in {@code _id} that hold free text, not a uuid. */
    private static final Set<String> TEXT_IDS = Set.of("growth_events.entity_id", "user_challenges.challenge_template_id",
            "interaction_logs.target_entity_id");

    /**
     * Inserts the model's base row with {@code column} set to {@code value} for a new user, then reads
     * the user's rows through Plinth. Null when Plinth reads the value back; else what refused it.
     */
    private String probe(Model model, String column, Object value) throws SQLException {
        UUID owner = UUID.randomUUID();
        insertUser(owner, owner + "@example.com");
        Map<String, Object> values = base(model.table(), owner);
        values.put(column, value);
        try {
            insert(model.table(), values);
        } catch (IllegalStateException e) {
            return "refused by the database: " + e.getMessage();
        }
        Table<?, ?> table = Schema.named(model.table());
        @SuppressWarnings("unchecked")
        AppendRepository<UserId, ?, ?, ?> repository = (AppendRepository<UserId, ?, ?, ?>) store.repository(table.repository());
        try {
            List<?> rows = repository.list(new UserId(owner), PageRequest.first(10)).items();
            assertEquals(1, rows.size(), model.table());
            return null;
        } catch (InvalidInputException e) {
            return "Plinth refuses " + e.field();
        }
    }

    /** A row of {@code table} with the seed's required fields only, as a Prisma client writes it. */
    private Map<String, Object> base(String table, UUID owner) {
        UUID id = UUID.randomUUID();
        return switch (table) {
            case "user_sessions" -> row("session_id", id, "user_id", owner, "expires_at", WRITTEN.plus(Duration.ofDays(3650)),
                    "last_active_at", WRITTEN);
            case "conversations" -> row("id", id, "user_id", owner);
            case "conversation_messages" -> {
                UUID conversation = UUID.randomUUID();
                insert("conversations", row("id", conversation, "user_id", owner));
                yield row("id", id, "conversation_id", conversation, "role", "user", "content", "Hi");
            }
            case "cards" -> row("card_id", id, "user_id", owner, "card_type", "memory", "source_entity_id", UUID.randomUUID(),
                    "source_entity_type", "MemoryUnit", "updated_at", WRITTEN);
            case "memory_units" -> row("muid", id, "user_id", owner, "title", "Walk", "content", "By the sea",
                    "creation_ts", WRITTEN, "last_modified_ts", WRITTEN);
            case "concepts" -> row("concept_id", id, "user_id", owner, "name", "sea", "type", "place", "last_updated_ts", WRITTEN);
            case "media_items" -> row("media_id", id, "user_id", owner, "type", "image", "storage_url", "s3://b/" + id);
            case "growth_events" -> row("event_id", id, "user_id", owner, "entity_id", "c-1", "entity_type", "Concept",
                    "dim_key", "curiosity", "delta", 1.0, "source", "reflection");
            case "user_challenges" -> row("user_challenge_id", id, "user_id", owner, "challenge_template_id", "walk-7");
            case "proactive_prompts" -> row("prompt_id", id, "user_id", owner, "prompt_text", "How was it?", "source_agent", "companion");
            case "derived_artifacts" -> row("artifact_id", id, "user_id", owner, "artifact_type", "trophy", "title", "Insight");
            case "communities" -> row("community_id", id, "user_id", owner, "name", "Sea");
            case "interaction_logs" -> row("interaction_id", id, "user_id", owner, "interaction_type", "tap");
            case "user_graph_projections" -> row("projection_id", id, "user_id", owner, "projection_data", new JsonText("{}"));
            default -> throw new IllegalArgumentException("no base row for " + table);
        };
    }

    // ---------------------------------------------------------------- raw SQL, as a Prisma client sends it

    /** A JSON value bound as {@code jsonb}. */
    private record JsonText(String text) {
    }

    /** An array literal bound as {@code text[]}. */
    private record TextArray(String literal) {
    }

    private static Map<String, Object> row(Object... pairs) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            row.put((String) pairs[i], pairs[i + 1]);
        }
        return row;
    }

    /** {@code INSERT INTO table (the given columns) VALUES (…)}; a refusal is an IllegalStateException with the SQLState. */
    private static void insert(String table, Map<String, Object> values) {
        String columns = values.keySet().stream().map(c -> '"' + c + '"').collect(Collectors.joining(", "));
        String params = values.values().stream().map(v -> v instanceof JsonText ? "CAST(? AS jsonb)"
                : v instanceof TextArray ? "CAST(? AS text[])" : "?").collect(Collectors.joining(", "));
        try {
            execute("INSERT INTO " + table + " (" + columns + ") VALUES (" + params + ")", values.values().toArray());
        } catch (SQLException e) {
            throw new IllegalStateException(e.getSQLState() + " " + e.getMessage(), e);
        }
    }

    private static void execute(String sql, Object... args) throws SQLException {
        try (Connection c = TestDatabase.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            s.executeUpdate();
        }
    }

    private static void bind(PreparedStatement s, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object v = args[i];
            if (v instanceof Instant instant) {
                s.setObject(i + 1, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
            } else if (v instanceof JsonText json) {
                s.setString(i + 1, json.text());
            } else if (v instanceof TextArray array) {
                s.setString(i + 1, array.literal());
            } else {
                s.setObject(i + 1, v);
            }
        }
    }

    private static Instant instant(String sql, Object... args) throws SQLException {
        try (Connection c = TestDatabase.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            try (ResultSet r = s.executeQuery()) {
                assertTrue(r.next(), sql);
                OffsetDateTime value = r.getObject(1, OffsetDateTime.class);
                return value == null ? null : value.toInstant();
            }
        }
    }

    private static List<String> strings(String sql) throws SQLException {
        try (Connection c = TestDatabase.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql);
             ResultSet r = s.executeQuery()) {
            assertTrue(r.next(), sql);
            List<String> out = new ArrayList<>();
            for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                out.add(r.getString(i));
            }
            return out;
        }
    }
}
