-- Plinth V8: what introspecting the database and comparing it with seed 004's Prisma schema found
-- (postgres PrismaSchemaTest holds the catalog against the seed's schema text).

-- 1. Prisma's default for a relation's onUpdate is Cascade; the seed names another rule only for a
-- concept's merge target (onUpdate: NoAction, kept). Every other foreign key of the seed's relations
-- now follows a changed key, as a database migrated by Prisma from the seed does; so does Plinth's
-- own conversation_messages.user_id, which must follow its user as the conversation does. Plinth
-- never changes a key itself: ids are immutable in its API, and the in-memory store needs no rule.
-- Names and on-delete rules stay as they were.
ALTER TABLE user_sessions
    DROP CONSTRAINT user_sessions_user_id_fkey,
    ADD CONSTRAINT user_sessions_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (user_id) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE conversations
    DROP CONSTRAINT conversations_user_id_fkey,
    ADD CONSTRAINT conversations_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (user_id) ON DELETE CASCADE ON UPDATE CASCADE,
    DROP CONSTRAINT conversations_source_card_id_fkey,
    ADD CONSTRAINT conversations_source_card_id_fkey FOREIGN KEY (source_card_id) REFERENCES cards (card_id) ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE conversation_messages
    DROP CONSTRAINT conversation_messages_conversation_id_fkey,
    ADD CONSTRAINT conversation_messages_conversation_id_fkey FOREIGN KEY (conversation_id) REFERENCES conversations (id) ON DELETE CASCADE ON UPDATE CASCADE,
    DROP CONSTRAINT conversation_messages_user_id_fkey,
    ADD CONSTRAINT conversation_messages_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (user_id) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE cards
    DROP CONSTRAINT cards_user_id_fkey,
    ADD CONSTRAINT cards_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (user_id) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE memory_units
    DROP CONSTRAINT memory_units_user_id_fkey,
    ADD CONSTRAINT memory_units_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (user_id) ON DELETE CASCADE ON UPDATE CASCADE,
    DROP CONSTRAINT memory_units_source_conversation_id_fkey,
    ADD CONSTRAINT memory_units_source_conversation_id_fkey FOREIGN KEY (source_conversation_id) REFERENCES conversations (id) ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE concepts
    DROP CONSTRAINT concepts_user_id_fkey,
    ADD CONSTRAINT concepts_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (user_id) ON DELETE CASCADE ON UPDATE CASCADE,
    DROP CONSTRAINT concepts_community_id_fkey,
    ADD CONSTRAINT concepts_community_id_fkey FOREIGN KEY (community_id) REFERENCES communities (community_id) ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE media_items
    DROP CONSTRAINT media_items_user_id_fkey,
    ADD CONSTRAINT media_items_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (user_id) ON DELETE CASCADE ON UPDATE CASCADE,
    DROP CONSTRAINT media_items_memory_unit_id_fkey,
    ADD CONSTRAINT media_items_memory_unit_id_fkey FOREIGN KEY (memory_unit_id) REFERENCES memory_units (muid) ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE growth_events
    DROP CONSTRAINT growth_events_user_id_fkey,
    ADD CONSTRAINT growth_events_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (user_id) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE user_challenges
    DROP CONSTRAINT user_challenges_user_id_fkey,
    ADD CONSTRAINT user_challenges_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (user_id) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE proactive_prompts
    DROP CONSTRAINT proactive_prompts_user_id_fkey,
    ADD CONSTRAINT proactive_prompts_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (user_id) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE derived_artifacts
    DROP CONSTRAINT derived_artifacts_user_id_fkey,
    ADD CONSTRAINT derived_artifacts_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (user_id) ON DELETE CASCADE ON UPDATE CASCADE,
    DROP CONSTRAINT derived_artifacts_source_memory_unit_id_fkey,
    ADD CONSTRAINT derived_artifacts_source_memory_unit_id_fkey FOREIGN KEY (source_memory_unit_id) REFERENCES memory_units (muid) ON DELETE SET NULL ON UPDATE CASCADE,
    DROP CONSTRAINT derived_artifacts_source_concept_id_fkey,
    ADD CONSTRAINT derived_artifacts_source_concept_id_fkey FOREIGN KEY (source_concept_id) REFERENCES concepts (concept_id) ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE communities
    DROP CONSTRAINT communities_user_id_fkey,
    ADD CONSTRAINT communities_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (user_id) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE interaction_logs
    DROP CONSTRAINT interaction_logs_user_id_fkey,
    ADD CONSTRAINT interaction_logs_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (user_id) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE user_graph_projections
    DROP CONSTRAINT user_graph_projections_user_id_fkey,
    ADD CONSTRAINT user_graph_projections_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (user_id) ON DELETE CASCADE ON UPDATE CASCADE;

-- The rows of append-only tables follow a changed user id too: an UPDATE that a foreign key's
-- cascade makes (trigger depth above 1) and that changes nothing but user_id passes. Every other
-- UPDATE, DELETE and TRUNCATE is refused as before (V6).
CREATE OR REPLACE FUNCTION plinth_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND pg_trigger_depth() > 1 THEN
        RETURN OLD;
    END IF;
    IF TG_OP = 'UPDATE' AND pg_trigger_depth() > 1 AND to_jsonb(NEW) - 'user_id' = to_jsonb(OLD) - 'user_id' THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP USING ERRCODE = 'PLIM0';
END
$$;

-- A message's user_id follows its user's changed id by the cascade of conversation_messages_user_id_fkey,
-- while the conversation's follows by its own: whichever runs first, the other restores the
-- agreement within the same statement. So a cascaded UPDATE (trigger depth above 1) that keeps the
-- message's conversation passes; every other write is checked as before (V6).
CREATE OR REPLACE FUNCTION plinth_message_owner() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    owner uuid;
BEGIN
    IF TG_OP = 'UPDATE' AND pg_trigger_depth() > 1 AND NEW.conversation_id = OLD.conversation_id THEN
        RETURN NEW;
    END IF;
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

-- 2. The seed's @@index([user_id]) on user_sessions, under Prisma's name. Plinth's own indexes
-- (user_id, session_id) and (user_id, expires_at) serve its queries; this one is the seed's.
CREATE INDEX user_sessions_user_id_idx ON user_sessions (user_id);
