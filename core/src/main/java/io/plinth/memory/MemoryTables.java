package io.plinth.memory;

import io.plinth.core.table.ColumnType;
import io.plinth.core.table.OnDelete;
import io.plinth.core.table.Table;
import io.plinth.tenancy.UserId;
import java.util.List;

/**
 * The table declarations of the memory companion (seed 004), one per model, shared by every store;
 * the SQL is {@code migrations/sql/V6__memory.sql}.
 */
public final class MemoryTables {
    private MemoryTables() {
    }

    /** {@code communities}. */
    public static final Table<NewCommunity, Community> COMMUNITIES =
            Table.<NewCommunity, Community>of("communities", "community", CommunityRepository.class)
                    .id("community_id", c -> c.id().value())
                    .tenant("user_id", c -> c.userId().value(), "users", "user_id", "user", OnDelete.CASCADE)
                    .column("name", ColumnType.TEXT, false, Community::name)
                    .column("description", ColumnType.TEXT, true, Community::description)
                    .createdAt("created_at", Community::createdAt)
                    .updatedAt("last_analyzed_ts", true, Community::lastAnalyzedTs)
                    .version(Community::version)
                    .creates((n, id, now) -> new Community(new CommunityId(id), n.userId(), n.name(), n.description(),
                            now, now, 0))
                    .reads(r -> new Community(new CommunityId(r.uuid("community_id")), new UserId(r.uuid("user_id")),
                            r.text("name"), r.text("description"), r.instant("created_at"),
                            r.instant("last_analyzed_ts"), r.longValue("version")));

    /** {@code cards}. */
    public static final Table<NewCard, Card> CARDS =
            Table.<NewCard, Card>of("cards", "card", CardRepository.class)
                    .id("card_id", x -> x.id().value())
                    .tenant("user_id", x -> x.userId().value(), "users", "user_id", "user", OnDelete.CASCADE)
                    .column("card_type", ColumnType.TEXT, false, x -> x.cardType())
                    .fixed("source_entity_id", ColumnType.UUID, false, x -> x.sourceEntityId())
                    .fixed("source_entity_type", ColumnType.TEXT, false, x -> x.sourceEntityType().spelling())
                    .column("status", ColumnType.TEXT, false, x -> x.status().spelling())
                    .column("is_favorited", ColumnType.BOOLEAN, false, x -> x.isFavorited())
                    .column("display_data", ColumnType.JSON, true, x -> x.displayData())
                    .column("is_synced", ColumnType.BOOLEAN, false, x -> x.isSynced())
                    .createdAt("created_at", Card::createdAt)
                    .updatedAt("updated_at", false, Card::updatedAt)
                    .version(Card::version)
                    .creates((n, id, now) -> new Card(new CardId(id), n.userId(), n.cardType(), n.sourceEntityId(), n.sourceEntityType(), CardStatus.ACTIVE_CANVAS, false, n.displayData(), true, now, now, 0))
                    .reads(r -> new Card(new CardId(r.uuid("card_id")), new UserId(r.uuid("user_id")), r.text("card_type"), r.uuid("source_entity_id"), CardSourceType.of("sourceEntityType", r.text("source_entity_type")), CardStatus.of("status", r.text("status")), r.bool("is_favorited"), r.json("display_data"), r.bool("is_synced"), r.instant("created_at"), r.instant("updated_at"), r.longValue("version")));

    /**
     * The table of the entity a card presents, by the card's {@code sourceEntityType}: memory units,
     * concepts, derived artifacts or proactive prompts.
     */
    public static Table<?, ?> cardSource(CardSourceType type) {
        return switch (type) {
            case MEMORY_UNIT -> MEMORY_UNITS;
            case CONCEPT -> CONCEPTS;
            case DERIVED_ARTIFACT -> DERIVED_ARTIFACTS;
            case PROACTIVE_PROMPT -> PROACTIVE_PROMPTS;
        };
    }

    /** {@code conversations}. */
    public static final Table<NewConversation, Conversation> CONVERSATIONS =
            Table.<NewConversation, Conversation>of("conversations", "conversation", ConversationRepository.class)
                    .id("id", x -> x.id().value())
                    .tenant("user_id", x -> x.userId().value(), "users", "user_id", "user", OnDelete.CASCADE)
                    .column("title", ColumnType.TEXT, true, x -> x.title())
                    .createdAt("start_time", Conversation::startTime)
                    .fixed("ended_at", ColumnType.INSTANT, true, x -> x.endedAt())
                    .fixed("status", ColumnType.TEXT, false, x -> x.status().spelling())
                    .column("importance_score", ColumnType.DOUBLE, true, x -> x.importanceScore())
                    .column("context_summary", ColumnType.TEXT, true, x -> x.contextSummary())
                    .column("metadata", ColumnType.JSON, true, x -> x.metadata())
                    .column("source_card_id", ColumnType.UUID, true, x -> x.sourceCardId() == null ? null : x.sourceCardId().value())
                    .version(Conversation::version)
                    .references("source_card_id", "cards", "card_id", "card", OnDelete.SET_NULL, null)
                    .creates((n, id, now) -> new Conversation(new ConversationId(id), n.userId(), n.title(), now, null, ConversationStatus.ACTIVE, n.importanceScore(), n.contextSummary(), n.metadata(), n.sourceCardId(), 0))
                    .reads(r -> new Conversation(new ConversationId(r.uuid("id")), new UserId(r.uuid("user_id")), r.text("title"), r.instant("start_time"), r.instant("ended_at"), ConversationStatus.of("status", r.text("status")), r.decimal("importance_score"), r.text("context_summary"), r.json("metadata"), r.uuid("source_card_id") == null ? null : new CardId(r.uuid("source_card_id")), r.longValue("version")));

    /** {@code conversation_messages}. */
    public static final Table<NewConversationMessage, ConversationMessage> CONVERSATION_MESSAGES =
            Table.<NewConversationMessage, ConversationMessage>of("conversation_messages", "message", ConversationMessageRepository.class)
                    .id("id", x -> x.id().value())
                    .fixed("conversation_id", ColumnType.UUID, false, x -> x.conversationId().value())
                    .tenant("user_id", x -> x.userId().value(), "users", "user_id", "user", OnDelete.CASCADE)
                    .fixed("role", ColumnType.TEXT, false, x -> x.role().spelling())
                    .fixed("content", ColumnType.TEXT, false, x -> x.content())
                    .createdAt("timestamp", ConversationMessage::timestamp)
                    .fixed("llm_call_metadata", ColumnType.JSON, true, x -> x.llmCallMetadata())
                    .fixed("media_ids", ColumnType.TEXT_ARRAY, false, x -> x.mediaIds())
                    .references("conversation_id", "conversations", "id", "conversation", OnDelete.CASCADE, null)
                    .creates((n, id, now) -> new ConversationMessage(new MessageId(id), n.conversationId(), n.userId(), n.role(), n.content(), now, n.llmCallMetadata(), n.mediaIds()))
                    .reads(r -> new ConversationMessage(new MessageId(r.uuid("id")), new ConversationId(r.uuid("conversation_id")), new UserId(r.uuid("user_id")), MessageRole.of("role", r.text("role")), r.text("content"), r.instant("timestamp"), r.json("llm_call_metadata"), r.textArray("media_ids")));

    /** {@code memory_units}. */
    public static final Table<NewMemoryUnit, MemoryUnit> MEMORY_UNITS =
            Table.<NewMemoryUnit, MemoryUnit>of("memory_units", "memory unit", MemoryUnitRepository.class)
                    .id("muid", x -> x.id().value())
                    .tenant("user_id", x -> x.userId().value(), "users", "user_id", "user", OnDelete.CASCADE)
                    .column("title", ColumnType.TEXT, false, x -> x.title())
                    .column("content", ColumnType.TEXT, false, x -> x.content())
                    .fixed("creation_ts", ColumnType.INSTANT, false, x -> x.creationTs())
                    .createdAt("ingestion_ts", MemoryUnit::ingestionTs)
                    .updatedAt("last_modified_ts", false, MemoryUnit::lastModifiedTs)
                    .column("importance_score", ColumnType.DOUBLE, true, x -> x.importanceScore())
                    .column("sentiment_score", ColumnType.DOUBLE, true, x -> x.sentimentScore())
                    .column("source_conversation_id", ColumnType.UUID, true, x -> x.sourceConversationId() == null ? null : x.sourceConversationId().value())
                    .version(MemoryUnit::version)
                    .references("source_conversation_id", "conversations", "id", "conversation", OnDelete.SET_NULL, null)
                    .creates((n, id, now) -> new MemoryUnit(new MemoryUnitId(id), n.userId(), n.title(), n.content(), n.creationTs(), now, now, n.importanceScore(), n.sentimentScore(), n.sourceConversationId(), 0))
                    .reads(r -> new MemoryUnit(new MemoryUnitId(r.uuid("muid")), new UserId(r.uuid("user_id")), r.text("title"), r.text("content"), r.instant("creation_ts"), r.instant("ingestion_ts"), r.instant("last_modified_ts"), r.decimal("importance_score"), r.decimal("sentiment_score"), r.uuid("source_conversation_id") == null ? null : new ConversationId(r.uuid("source_conversation_id")), r.longValue("version")));

    /** {@code concepts}. */
    public static final Table<NewConcept, Concept> CONCEPTS =
            Table.<NewConcept, Concept>of("concepts", "concept", ConceptRepository.class)
                    .id("concept_id", x -> x.id().value())
                    .tenant("user_id", x -> x.userId().value(), "users", "user_id", "user", OnDelete.CASCADE)
                    .column("name", ColumnType.TEXT, false, x -> x.name())
                    .column("type", ColumnType.TEXT, false, x -> x.type())
                    .column("description", ColumnType.TEXT, true, x -> x.description())
                    .fixed("status", ColumnType.TEXT, false, x -> x.status().spelling())
                    .column("salience", ColumnType.DOUBLE, true, x -> x.salience())
                    .createdAt("created_at", Concept::createdAt)
                    .updatedAt("last_updated_ts", false, Concept::lastUpdatedTs)
                    .column("community_id", ColumnType.UUID, true, x -> x.communityId() == null ? null : x.communityId().value())
                    .fixed("merged_into_concept_id", ColumnType.UUID, true, x -> x.mergedIntoConceptId() == null ? null : x.mergedIntoConceptId().value())
                    .version(Concept::version)
                    .references("community_id", "communities", "community_id", "community", OnDelete.SET_NULL, null)
                    .references("merged_into_concept_id", "concepts", "concept_id", "concept", OnDelete.NO_ACTION, "concept %s is still referenced")
                    .unique("concepts_user_id_name_type_key", List.of("user_id", "name", "type"), k -> "concept " + k.get(1) + " of type " + k.get(2) + " already exists")
                    .creates((n, id, now) -> new Concept(new ConceptId(id), n.userId(), n.name(), n.type(), n.description(), ConceptStatus.ACTIVE, n.salience(), now, now, n.communityId(), null, 0))
                    .reads(r -> new Concept(new ConceptId(r.uuid("concept_id")), new UserId(r.uuid("user_id")), r.text("name"), r.text("type"), r.text("description"), ConceptStatus.of("status", r.text("status")), r.decimal("salience"), r.instant("created_at"), r.instant("last_updated_ts"), r.uuid("community_id") == null ? null : new CommunityId(r.uuid("community_id")), r.uuid("merged_into_concept_id") == null ? null : new ConceptId(r.uuid("merged_into_concept_id")), r.longValue("version")));

    /** {@code media_items}. */
    public static final Table<NewMedia, Media> MEDIA_ITEMS =
            Table.<NewMedia, Media>of("media_items", "media", MediaRepository.class)
                    .id("media_id", x -> x.id().value())
                    .tenant("user_id", x -> x.userId().value(), "users", "user_id", "user", OnDelete.CASCADE)
                    .column("memory_unit_id", ColumnType.UUID, true, x -> x.memoryUnitId() == null ? null : x.memoryUnitId().value())
                    .fixed("type", ColumnType.TEXT, false, x -> x.type().spelling())
                    .column("storage_url", ColumnType.TEXT, false, x -> x.storageUrl())
                    .column("filename", ColumnType.TEXT, true, x -> x.filename())
                    .column("mime_type", ColumnType.TEXT, true, x -> x.mimeType())
                    .column("size_bytes", ColumnType.INTEGER, true, x -> x.sizeBytes())
                    .fixed("hash", ColumnType.TEXT, true, x -> x.hash())
                    .column("processing_status", ColumnType.TEXT, false, x -> x.processingStatus())
                    .column("metadata", ColumnType.JSON, true, x -> x.metadata())
                    .createdAt("created_at", Media::createdAt)
                    .version(Media::version)
                    .references("memory_unit_id", "memory_units", "muid", "memory unit", OnDelete.SET_NULL, null)
                    .unique("media_items_hash_key", List.of("hash"), k -> "a media item with hash " + k.get(0) + " already exists")
                    .creates((n, id, now) -> new Media(new MediaId(id), n.userId(), n.memoryUnitId(), n.type(), n.storageUrl(), n.filename(), n.mimeType(), n.sizeBytes(), n.hash(), "pending", n.metadata(), now, 0))
                    .reads(r -> new Media(new MediaId(r.uuid("media_id")), new UserId(r.uuid("user_id")), r.uuid("memory_unit_id") == null ? null : new MemoryUnitId(r.uuid("memory_unit_id")), MediaType.of("type", r.text("type")), r.text("storage_url"), r.text("filename"), r.text("mime_type"), r.integer("size_bytes"), r.text("hash"), r.text("processing_status"), r.json("metadata"), r.instant("created_at"), r.longValue("version")));

    /** {@code derived_artifacts}. */
    public static final Table<NewDerivedArtifact, DerivedArtifact> DERIVED_ARTIFACTS =
            Table.<NewDerivedArtifact, DerivedArtifact>of("derived_artifacts", "artifact", DerivedArtifactRepository.class)
                    .id("artifact_id", x -> x.id().value())
                    .tenant("user_id", x -> x.userId().value(), "users", "user_id", "user", OnDelete.CASCADE)
                    .fixed("artifact_type", ColumnType.TEXT, false, x -> x.artifactType().spelling())
                    .column("title", ColumnType.TEXT, false, x -> x.title())
                    .column("content_narrative", ColumnType.TEXT, true, x -> x.contentNarrative())
                    .column("content_data", ColumnType.JSON, true, x -> x.contentData())
                    .column("source_memory_unit_id", ColumnType.UUID, true, x -> x.sourceMemoryUnitId() == null ? null : x.sourceMemoryUnitId().value())
                    .column("source_concept_id", ColumnType.UUID, true, x -> x.sourceConceptId() == null ? null : x.sourceConceptId().value())
                    .createdAt("created_at", DerivedArtifact::createdAt)
                    .version(DerivedArtifact::version)
                    .references("source_memory_unit_id", "memory_units", "muid", "memory unit", OnDelete.SET_NULL, null)
                    .references("source_concept_id", "concepts", "concept_id", "concept", OnDelete.SET_NULL, null)
                    .creates((n, id, now) -> new DerivedArtifact(new DerivedArtifactId(id), n.userId(), n.artifactType(), n.title(), n.contentNarrative(), n.contentData(), n.sourceMemoryUnitId(), n.sourceConceptId(), now, 0))
                    .reads(r -> new DerivedArtifact(new DerivedArtifactId(r.uuid("artifact_id")), new UserId(r.uuid("user_id")), ArtifactType.of("artifactType", r.text("artifact_type")), r.text("title"), r.text("content_narrative"), r.json("content_data"), r.uuid("source_memory_unit_id") == null ? null : new MemoryUnitId(r.uuid("source_memory_unit_id")), r.uuid("source_concept_id") == null ? null : new ConceptId(r.uuid("source_concept_id")), r.instant("created_at"), r.longValue("version")));

    /** {@code growth_events}. */
    public static final Table<NewGrowthEvent, GrowthEvent> GROWTH_EVENTS =
            Table.<NewGrowthEvent, GrowthEvent>of("growth_events", "growth event", GrowthEventRepository.class)
                    .id("event_id", x -> x.id().value())
                    .tenant("user_id", x -> x.userId().value(), "users", "user_id", "user", OnDelete.CASCADE)
                    .fixed("entity_id", ColumnType.TEXT, false, x -> x.entityId())
                    .fixed("entity_type", ColumnType.TEXT, false, x -> x.entityType())
                    .fixed("dim_key", ColumnType.TEXT, false, x -> x.dimKey())
                    .fixed("delta", ColumnType.DOUBLE, false, x -> x.delta())
                    .fixed("source", ColumnType.TEXT, false, x -> x.source())
                    .createdAt("created_at", GrowthEvent::createdAt)
                    .fixed("details", ColumnType.JSON, true, x -> x.details())
                    .creates((n, id, now) -> new GrowthEvent(new GrowthEventId(id), n.userId(), n.entityId(), n.entityType(), n.dimKey(), n.delta(), n.source(), now, n.details()))
                    .reads(r -> new GrowthEvent(new GrowthEventId(r.uuid("event_id")), new UserId(r.uuid("user_id")), r.text("entity_id"), r.text("entity_type"), r.text("dim_key"), r.decimal("delta"), r.text("source"), r.instant("created_at"), r.json("details")));

    /** {@code user_challenges}. */
    public static final Table<NewUserChallenge, UserChallenge> USER_CHALLENGES =
            Table.<NewUserChallenge, UserChallenge>of("user_challenges", "challenge", UserChallengeRepository.class)
                    .id("user_challenge_id", x -> x.id().value())
                    .tenant("user_id", x -> x.userId().value(), "users", "user_id", "user", OnDelete.CASCADE)
                    .fixed("challenge_template_id", ColumnType.TEXT, false, x -> x.challengeTemplateId())
                    .column("status", ColumnType.TEXT, false, x -> x.status())
                    .createdAt("start_time", UserChallenge::startTime)
                    .column("completion_time", ColumnType.INSTANT, true, x -> x.completionTime())
                    .column("progress_data", ColumnType.JSON, true, x -> x.progressData())
                    .version(UserChallenge::version)
                    .creates((n, id, now) -> new UserChallenge(new UserChallengeId(id), n.userId(), n.challengeTemplateId(), "active", now, n.completionTime(), n.progressData(), 0))
                    .reads(r -> new UserChallenge(new UserChallengeId(r.uuid("user_challenge_id")), new UserId(r.uuid("user_id")), r.text("challenge_template_id"), r.text("status"), r.instant("start_time"), r.instant("completion_time"), r.json("progress_data"), r.longValue("version")));

    /** {@code proactive_prompts}. */
    public static final Table<NewProactivePrompt, ProactivePrompt> PROACTIVE_PROMPTS =
            Table.<NewProactivePrompt, ProactivePrompt>of("proactive_prompts", "prompt", ProactivePromptRepository.class)
                    .id("prompt_id", x -> x.id().value())
                    .tenant("user_id", x -> x.userId().value(), "users", "user_id", "user", OnDelete.CASCADE)
                    .column("prompt_text", ColumnType.TEXT, false, x -> x.promptText())
                    .fixed("source_agent", ColumnType.TEXT, false, x -> x.sourceAgent())
                    .column("status", ColumnType.TEXT, false, x -> x.status())
                    .createdAt("created_at", ProactivePrompt::createdAt)
                    .column("metadata", ColumnType.JSON, true, x -> x.metadata())
                    .version(ProactivePrompt::version)
                    .creates((n, id, now) -> new ProactivePrompt(new ProactivePromptId(id), n.userId(), n.promptText(), n.sourceAgent(), "pending", now, n.metadata(), 0))
                    .reads(r -> new ProactivePrompt(new ProactivePromptId(r.uuid("prompt_id")), new UserId(r.uuid("user_id")), r.text("prompt_text"), r.text("source_agent"), r.text("status"), r.instant("created_at"), r.json("metadata"), r.longValue("version")));

    /** {@code interaction_logs}. */
    public static final Table<NewInteractionLog, InteractionLog> INTERACTION_LOGS =
            Table.<NewInteractionLog, InteractionLog>of("interaction_logs", "interaction", InteractionLogRepository.class)
                    .id("interaction_id", x -> x.id().value())
                    .tenant("user_id", x -> x.userId().value(), "users", "user_id", "user", OnDelete.CASCADE)
                    .createdAt("timestamp", InteractionLog::timestamp)
                    .fixed("interaction_type", ColumnType.TEXT, false, x -> x.interactionType())
                    .fixed("target_entity_id", ColumnType.TEXT, true, x -> x.targetEntityId())
                    .fixed("target_entity_type", ColumnType.TEXT, true, x -> x.targetEntityType())
                    .fixed("content_text", ColumnType.TEXT, true, x -> x.contentText())
                    .fixed("content_structured", ColumnType.JSON, true, x -> x.contentStructured())
                    .fixed("metadata", ColumnType.JSON, true, x -> x.metadata())
                    .creates((n, id, now) -> new InteractionLog(new InteractionLogId(id), n.userId(), now, n.interactionType(), n.targetEntityId(), n.targetEntityType(), n.contentText(), n.contentStructured(), n.metadata()))
                    .reads(r -> new InteractionLog(new InteractionLogId(r.uuid("interaction_id")), new UserId(r.uuid("user_id")), r.instant("timestamp"), r.text("interaction_type"), r.text("target_entity_id"), r.text("target_entity_type"), r.text("content_text"), r.json("content_structured"), r.json("metadata")));

    /** {@code user_graph_projections}. */
    public static final Table<NewUserGraphProjection, UserGraphProjection> USER_GRAPH_PROJECTIONS =
            Table.<NewUserGraphProjection, UserGraphProjection>of("user_graph_projections", "graph projection", UserGraphProjectionRepository.class)
                    .id("projection_id", x -> x.id().value())
                    .tenant("user_id", x -> x.userId().value(), "users", "user_id", "user", OnDelete.CASCADE)
                    .column("status", ColumnType.TEXT, false, x -> x.status())
                    .fixed("projection_data", ColumnType.JSON, false, x -> x.projectionData())
                    .createdAt("created_at", UserGraphProjection::createdAt)
                    .creates((n, id, now) -> new UserGraphProjection(new GraphProjectionId(id), n.userId(), "completed", n.projectionData(), now))
                    .reads(r -> new UserGraphProjection(new GraphProjectionId(r.uuid("projection_id")), new UserId(r.uuid("user_id")), r.text("status"), r.json("projection_data"), r.instant("created_at")));

    /** Every table of the context, parents before children. */
    /** {@code concept_mentions}: the MENTIONS edges of the knowledge graph (Plinth's table, beside seed 004's). */
    public static final Table<NewMention, Mention> MENTIONS =
            Table.<NewMention, Mention>of("concept_mentions", "mention", MentionRepository.class)
                    .id("mention_id", x -> x.id().value())
                    .tenant("user_id", x -> x.userId().value(), "users", "user_id", "user", OnDelete.CASCADE)
                    .fixed("memory_unit_id", ColumnType.UUID, false, x -> x.memoryUnitId().value())
                    .fixed("concept_id", ColumnType.UUID, false, x -> x.conceptId().value())
                    .column("weight", ColumnType.DOUBLE, false, x -> x.weight())
                    .createdAt("created_at", Mention::createdAt)
                    .updatedAt("updated_at", false, Mention::updatedAt)
                    .version(Mention::version)
                    .references("memory_unit_id", "memory_units", "muid", "memory unit", OnDelete.CASCADE, null)
                    .references("concept_id", "concepts", "concept_id", "concept", OnDelete.CASCADE, null)
                    .unique("concept_mentions_memory_unit_id_concept_id_key", List.of("memory_unit_id", "concept_id"), k -> "memory unit " + k.get(0) + " already mentions concept " + k.get(1))
                    .creates((n, id, now) -> new Mention(new MentionId(id), n.userId(), n.memoryUnitId(), n.conceptId(), n.weight(), now, now, 0))
                    .reads(r -> new Mention(new MentionId(r.uuid("mention_id")), new UserId(r.uuid("user_id")), new MemoryUnitId(r.uuid("memory_unit_id")), new ConceptId(r.uuid("concept_id")), r.decimal("weight"), r.instant("created_at"), r.instant("updated_at"), r.longValue("version")));

    /** {@code concept_relations}: the RELATED_TO edges of the knowledge graph (Plinth's table, beside seed 004's). */
    public static final Table<NewConceptRelation, ConceptRelation> CONCEPT_RELATIONS =
            Table.<NewConceptRelation, ConceptRelation>of("concept_relations", "concept relation", ConceptRelationRepository.class)
                    .id("relation_id", x -> x.id().value())
                    .tenant("user_id", x -> x.userId().value(), "users", "user_id", "user", OnDelete.CASCADE)
                    .fixed("from_concept_id", ColumnType.UUID, false, x -> x.fromConceptId().value())
                    .fixed("to_concept_id", ColumnType.UUID, false, x -> x.toConceptId().value())
                    .column("weight", ColumnType.DOUBLE, false, x -> x.weight())
                    .column("provenance", ColumnType.TEXT, false, x -> x.provenance())
                    .createdAt("created_at", ConceptRelation::createdAt)
                    .updatedAt("updated_at", false, ConceptRelation::updatedAt)
                    .version(ConceptRelation::version)
                    .references("from_concept_id", "concepts", "concept_id", "concept", OnDelete.CASCADE, null)
                    .references("to_concept_id", "concepts", "concept_id", "concept", OnDelete.CASCADE, null)
                    .unique("concept_relations_from_concept_id_to_concept_id_key", List.of("from_concept_id", "to_concept_id"), k -> "concept " + k.get(0) + " is already related to concept " + k.get(1))
                    .creates((n, id, now) -> new ConceptRelation(new ConceptRelationId(id), n.userId(), n.fromConceptId(), n.toConceptId(), n.weight(), n.provenance(), now, now, 0))
                    .reads(r -> new ConceptRelation(new ConceptRelationId(r.uuid("relation_id")), new UserId(r.uuid("user_id")), new ConceptId(r.uuid("from_concept_id")), new ConceptId(r.uuid("to_concept_id")), r.decimal("weight"), r.text("provenance"), r.instant("created_at"), r.instant("updated_at"), r.longValue("version")));

    public static final List<Table<?, ?>> ALL = List.of(COMMUNITIES, CARDS, CONVERSATIONS, CONVERSATION_MESSAGES, MEMORY_UNITS, CONCEPTS, MEDIA_ITEMS, DERIVED_ARTIFACTS, GROWTH_EVENTS, USER_CHALLENGES, PROACTIVE_PROMPTS, INTERACTION_LOGS, USER_GRAPH_PROJECTIONS, MENTIONS, CONCEPT_RELATIONS);
}
