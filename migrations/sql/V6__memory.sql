-- Plinth V6: the memory companion of seed 004 (V9.7). Tables and columns as the seed's Prisma schema
-- writes them (names, nullability, defaults, @unique, @@unique, @@index, onDelete); uuid, timestamptz
-- and jsonb are the stricter types. Every table keeps its tenant column user_id, indexed with its key
-- for keyset listing. Plinth adds only a version column (default 0) to the tables it updates, so a row
-- written by a Prisma client generated from seed 004 is accepted as it is. The one declaration of each
-- table that both stores use is io.plinth.memory.MemoryTables; a test holds it against this file.

CREATE TABLE communities (
    community_id     uuid        NOT NULL DEFAULT gen_random_uuid(),
    user_id          uuid        NOT NULL,
    name             text        NOT NULL,
    description      text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    last_analyzed_ts timestamptz,
    version          bigint      NOT NULL DEFAULT 0,
    CONSTRAINT communities_pkey PRIMARY KEY (community_id),
    CONSTRAINT communities_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (user_id) ON DELETE CASCADE
);
CREATE INDEX communities_user_id_community_id_idx ON communities (user_id, community_id);

CREATE TABLE cards (
    card_id                  uuid NOT NULL DEFAULT gen_random_uuid(),
    user_id                  uuid NOT NULL,
    card_type                text NOT NULL,
    source_entity_id         uuid NOT NULL,
    source_entity_type       text NOT NULL,
    status                   text NOT NULL DEFAULT 'active_canvas',
    is_favorited             boolean NOT NULL DEFAULT false,
    display_data             jsonb,
    is_synced                boolean NOT NULL DEFAULT true,
    created_at               timestamptz NOT NULL DEFAULT now(),
    updated_at               timestamptz NOT NULL DEFAULT now(),
    version                  bigint NOT NULL DEFAULT 0,
    CONSTRAINT cards_pkey PRIMARY KEY (card_id),
    CONSTRAINT cards_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (user_id) ON DELETE CASCADE,
    CONSTRAINT cards_source_entity_type_check CHECK (source_entity_type IN ('MemoryUnit', 'Concept', 'DerivedArtifact', 'ProactivePrompt')),
    CONSTRAINT cards_status_check CHECK (status IN ('active_canvas', 'active_archive', 'completed'))
);
CREATE INDEX cards_user_id_card_id_idx ON cards (user_id, card_id);

CREATE TABLE conversations (
    id                       uuid NOT NULL DEFAULT gen_random_uuid(),
    user_id                  uuid NOT NULL,
    title                    text,
    start_time               timestamptz NOT NULL DEFAULT now(),
    ended_at                 timestamptz,
    status                   text NOT NULL DEFAULT 'active',
    importance_score         double precision,
    context_summary          text,
    metadata                 jsonb,
    source_card_id           uuid,
    version                  bigint NOT NULL DEFAULT 0,
    CONSTRAINT conversations_pkey PRIMARY KEY (id),
    CONSTRAINT conversations_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (user_id) ON DELETE CASCADE,
    CONSTRAINT conversations_source_card_id_fkey FOREIGN KEY (source_card_id) REFERENCES cards (card_id) ON DELETE SET NULL,
    CONSTRAINT conversations_status_check CHECK (status IN ('active', 'ended', 'processing', 'processed'))
);
CREATE INDEX conversations_user_id_id_idx ON conversations (user_id, id);

CREATE TABLE conversation_messages (
    id                       uuid NOT NULL DEFAULT gen_random_uuid(),
    conversation_id          uuid NOT NULL,
    user_id                  uuid NOT NULL,
    role                     text NOT NULL,
    content                  text NOT NULL,
    timestamp                timestamptz NOT NULL DEFAULT now(),
    llm_call_metadata        jsonb,
    media_ids                text[] NOT NULL DEFAULT '{}',
    CONSTRAINT conversation_messages_pkey PRIMARY KEY (id),
    CONSTRAINT conversation_messages_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (user_id) ON DELETE CASCADE,
    CONSTRAINT conversation_messages_conversation_id_fkey FOREIGN KEY (conversation_id) REFERENCES conversations (id) ON DELETE CASCADE,
    CONSTRAINT conversation_messages_role_check CHECK (role IN ('user', 'assistant'))
);
CREATE INDEX conversation_messages_user_id_id_idx ON conversation_messages (user_id, id);

CREATE TABLE memory_units (
    muid                     uuid NOT NULL DEFAULT gen_random_uuid(),
    user_id                  uuid NOT NULL,
    title                    text NOT NULL,
    content                  text NOT NULL,
    creation_ts              timestamptz NOT NULL,
    ingestion_ts             timestamptz NOT NULL DEFAULT now(),
    last_modified_ts         timestamptz NOT NULL DEFAULT now(),
    importance_score         double precision,
    sentiment_score          double precision,
    source_conversation_id   uuid,
    version                  bigint NOT NULL DEFAULT 0,
    CONSTRAINT memory_units_pkey PRIMARY KEY (muid),
    CONSTRAINT memory_units_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (user_id) ON DELETE CASCADE,
    CONSTRAINT memory_units_source_conversation_id_fkey FOREIGN KEY (source_conversation_id) REFERENCES conversations (id) ON DELETE SET NULL
);
CREATE INDEX memory_units_user_id_muid_idx ON memory_units (user_id, muid);

CREATE TABLE concepts (
    concept_id               uuid NOT NULL DEFAULT gen_random_uuid(),
    user_id                  uuid NOT NULL,
    name                     text NOT NULL,
    type                     text NOT NULL,
    description              text,
    status                   text NOT NULL DEFAULT 'active',
    salience                 double precision,
    created_at               timestamptz NOT NULL DEFAULT now(),
    last_updated_ts          timestamptz NOT NULL DEFAULT now(),
    community_id             uuid,
    merged_into_concept_id   uuid,
    version                  bigint NOT NULL DEFAULT 0,
    CONSTRAINT concepts_pkey PRIMARY KEY (concept_id),
    CONSTRAINT concepts_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (user_id) ON DELETE CASCADE,
    CONSTRAINT concepts_community_id_fkey FOREIGN KEY (community_id) REFERENCES communities (community_id) ON DELETE SET NULL,
    CONSTRAINT concepts_merged_into_concept_id_fkey FOREIGN KEY (merged_into_concept_id) REFERENCES concepts (concept_id) ON DELETE NO ACTION,
    CONSTRAINT concepts_status_check CHECK (status IN ('active', 'merged', 'archived')),
    CONSTRAINT concepts_user_id_name_type_key UNIQUE (user_id, name, type)
);
CREATE INDEX concepts_user_id_concept_id_idx ON concepts (user_id, concept_id);

CREATE TABLE media_items (
    media_id                 uuid NOT NULL DEFAULT gen_random_uuid(),
    user_id                  uuid NOT NULL,
    memory_unit_id           uuid,
    type                     text NOT NULL,
    storage_url              text NOT NULL,
    filename                 text,
    mime_type                text,
    size_bytes               integer,
    hash                     text,
    processing_status        text NOT NULL DEFAULT 'pending',
    metadata                 jsonb,
    created_at               timestamptz NOT NULL DEFAULT now(),
    version                  bigint NOT NULL DEFAULT 0,
    CONSTRAINT media_items_pkey PRIMARY KEY (media_id),
    CONSTRAINT media_items_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (user_id) ON DELETE CASCADE,
    CONSTRAINT media_items_memory_unit_id_fkey FOREIGN KEY (memory_unit_id) REFERENCES memory_units (muid) ON DELETE SET NULL,
    CONSTRAINT media_items_type_check CHECK (type IN ('image', 'audio', 'document')),
    CONSTRAINT media_items_hash_key UNIQUE (hash)
);
CREATE INDEX media_items_user_id_media_id_idx ON media_items (user_id, media_id);

CREATE TABLE derived_artifacts (
    artifact_id              uuid NOT NULL DEFAULT gen_random_uuid(),
    user_id                  uuid NOT NULL,
    artifact_type            text NOT NULL,
    title                    text NOT NULL,
    content_narrative        text,
    content_data             jsonb,
    source_memory_unit_id    uuid,
    source_concept_id        uuid,
    created_at               timestamptz NOT NULL DEFAULT now(),
    version                  bigint NOT NULL DEFAULT 0,
    CONSTRAINT derived_artifacts_pkey PRIMARY KEY (artifact_id),
    CONSTRAINT derived_artifacts_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (user_id) ON DELETE CASCADE,
    CONSTRAINT derived_artifacts_source_memory_unit_id_fkey FOREIGN KEY (source_memory_unit_id) REFERENCES memory_units (muid) ON DELETE SET NULL,
    CONSTRAINT derived_artifacts_source_concept_id_fkey FOREIGN KEY (source_concept_id) REFERENCES concepts (concept_id) ON DELETE SET NULL,
    CONSTRAINT derived_artifacts_artifact_type_check CHECK (artifact_type IN ('insight_summary', 'cycle_report', 'trophy'))
);
CREATE INDEX derived_artifacts_user_id_artifact_id_idx ON derived_artifacts (user_id, artifact_id);

CREATE TABLE growth_events (
    event_id                 uuid NOT NULL DEFAULT gen_random_uuid(),
    user_id                  uuid NOT NULL,
    entity_id                text NOT NULL,
    entity_type              text NOT NULL,
    dim_key                  text NOT NULL,
    delta                    double precision NOT NULL,
    source                   text NOT NULL,
    created_at               timestamptz NOT NULL DEFAULT now(),
    details                  jsonb,
    CONSTRAINT growth_events_pkey PRIMARY KEY (event_id),
    CONSTRAINT growth_events_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (user_id) ON DELETE CASCADE
);
CREATE INDEX growth_events_user_id_event_id_idx ON growth_events (user_id, event_id);

CREATE TABLE user_challenges (
    user_challenge_id        uuid NOT NULL DEFAULT gen_random_uuid(),
    user_id                  uuid NOT NULL,
    challenge_template_id    text NOT NULL,
    status                   text NOT NULL DEFAULT 'active',
    start_time               timestamptz NOT NULL DEFAULT now(),
    completion_time          timestamptz,
    progress_data            jsonb,
    version                  bigint NOT NULL DEFAULT 0,
    CONSTRAINT user_challenges_pkey PRIMARY KEY (user_challenge_id),
    CONSTRAINT user_challenges_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (user_id) ON DELETE CASCADE
);
CREATE INDEX user_challenges_user_id_user_challenge_id_idx ON user_challenges (user_id, user_challenge_id);

CREATE TABLE proactive_prompts (
    prompt_id                uuid NOT NULL DEFAULT gen_random_uuid(),
    user_id                  uuid NOT NULL,
    prompt_text              text NOT NULL,
    source_agent             text NOT NULL,
    status                   text NOT NULL DEFAULT 'pending',
    created_at               timestamptz NOT NULL DEFAULT now(),
    metadata                 jsonb,
    version                  bigint NOT NULL DEFAULT 0,
    CONSTRAINT proactive_prompts_pkey PRIMARY KEY (prompt_id),
    CONSTRAINT proactive_prompts_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (user_id) ON DELETE CASCADE
);
CREATE INDEX proactive_prompts_user_id_prompt_id_idx ON proactive_prompts (user_id, prompt_id);

CREATE TABLE interaction_logs (
    interaction_id           uuid NOT NULL DEFAULT gen_random_uuid(),
    user_id                  uuid NOT NULL,
    timestamp                timestamptz NOT NULL DEFAULT now(),
    interaction_type         text NOT NULL,
    target_entity_id         text,
    target_entity_type       text,
    content_text             text,
    content_structured       jsonb,
    metadata                 jsonb,
    CONSTRAINT interaction_logs_pkey PRIMARY KEY (interaction_id),
    CONSTRAINT interaction_logs_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (user_id) ON DELETE CASCADE
);
CREATE INDEX interaction_logs_user_id_interaction_id_idx ON interaction_logs (user_id, interaction_id);

CREATE TABLE user_graph_projections (
    projection_id            uuid NOT NULL DEFAULT gen_random_uuid(),
    user_id                  uuid NOT NULL,
    status                   text NOT NULL DEFAULT 'completed',
    projection_data          jsonb NOT NULL,
    created_at               timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT user_graph_projections_pkey PRIMARY KEY (projection_id),
    CONSTRAINT user_graph_projections_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (user_id) ON DELETE CASCADE
);
CREATE INDEX user_graph_projections_user_id_projection_id_idx ON user_graph_projections (user_id, projection_id);

-- The seed's own indexes (Prisma's names).
CREATE INDEX conversations_user_id_status_idx ON conversations (user_id, status);
CREATE INDEX conversation_messages_conversation_id_timestamp_idx ON conversation_messages (conversation_id, "timestamp");
CREATE INDEX cards_user_id_status_idx ON cards (user_id, status);
CREATE INDEX user_graph_projections_user_id_created_at_idx ON user_graph_projections (user_id, created_at DESC);
-- Plinth's: growth sums and interaction listings by time, and the children's side of SET NULL links.
CREATE INDEX growth_events_user_id_dim_key_created_at_idx ON growth_events (user_id, dim_key, created_at);
CREATE INDEX interaction_logs_user_id_timestamp_idx ON interaction_logs (user_id, "timestamp", interaction_id);
CREATE INDEX memory_units_source_conversation_id_idx ON memory_units (source_conversation_id);
CREATE INDEX concepts_community_id_idx ON concepts (community_id);
CREATE INDEX concepts_merged_into_concept_id_idx ON concepts (merged_into_concept_id);
CREATE INDEX media_items_memory_unit_id_idx ON media_items (memory_unit_id);
CREATE INDEX derived_artifacts_source_memory_unit_id_idx ON derived_artifacts (source_memory_unit_id);
CREATE INDEX derived_artifacts_source_concept_id_idx ON derived_artifacts (source_concept_id);
CREATE INDEX conversations_source_card_id_idx ON conversations (source_card_id);

-- The seed gives conversation_messages no user. Plinth's tenant column user_id is the conversation's
-- user: the database fills it when a writer (a Prisma client generated from seed 004) leaves it out,
-- and refuses a message whose user is not its conversation's.
CREATE FUNCTION plinth_message_owner() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    owner uuid;
BEGIN
    SELECT c.user_id INTO owner FROM conversations c WHERE c.id = NEW.conversation_id;
    IF NEW.user_id IS NULL THEN
        NEW.user_id := owner;
    ELSIF owner IS NOT NULL AND NEW.user_id <> owner THEN
        RAISE EXCEPTION USING ERRCODE = 'PLIV0', MESSAGE = 'must name a conversation of the same user',
            DETAIL = 'conversationId';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER conversation_messages_owner BEFORE INSERT OR UPDATE OF conversation_id, user_id
    ON conversation_messages FOR EACH ROW EXECUTE FUNCTION plinth_message_owner();

-- Growth events and interaction logs are append-only: the database refuses UPDATE and DELETE, except
-- the deletes that cascade from their user (those run inside the foreign key's own trigger).
CREATE FUNCTION plinth_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND pg_trigger_depth() > 1 THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP USING ERRCODE = 'PLIM0';
END
$$;
CREATE TRIGGER growth_events_append_only BEFORE UPDATE OR DELETE ON growth_events
    FOR EACH ROW EXECUTE FUNCTION plinth_append_only();
CREATE TRIGGER interaction_logs_append_only BEFORE UPDATE OR DELETE ON interaction_logs
    FOR EACH ROW EXECUTE FUNCTION plinth_append_only();
CREATE TRIGGER growth_events_no_truncate BEFORE TRUNCATE ON growth_events
    FOR EACH STATEMENT EXECUTE FUNCTION plinth_append_only();
CREATE TRIGGER interaction_logs_no_truncate BEFORE TRUNCATE ON interaction_logs
    FOR EACH STATEMENT EXECUTE FUNCTION plinth_append_only();
