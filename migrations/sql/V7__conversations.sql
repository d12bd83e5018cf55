-- Plinth V7: conversations, their messages and cards (seed 004), the behaviour the tables alone do not give.

-- A conversation's messages are listed by (timestamp, id), keyset-paged on both: this index serves
-- "WHERE conversation_id = ? AND (timestamp, id) > (?, ?) ORDER BY timestamp, id LIMIT ?" without a
-- sort. The seed's own index (conversation_id, timestamp) stays, under Prisma's name.
CREATE INDEX conversation_messages_conversation_id_timestamp_id_idx
    ON conversation_messages (conversation_id, "timestamp", id);

-- A conversation's status only moves forward: active, ended, processing, processed. Plinth moves it
-- with ConversationRepository.advance; this trigger holds the rule for every other writer too (a
-- Prisma client, raw SQL): an UPDATE that would move it back is refused as a conflict (PLCF0).
-- Setting it to the status it already has stays allowed, so a client that writes every field of a
-- row it read is not refused.
CREATE FUNCTION plinth_conversation_status_forward() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    statuses CONSTANT text[] := ARRAY['active', 'ended', 'processing', 'processed'];
BEGIN
    IF array_position(statuses, NEW.status) < array_position(statuses, OLD.status) THEN
        RAISE EXCEPTION USING ERRCODE = 'PLCF0',
            MESSAGE = format('conversation %s is %s: its status only moves forward (active, ended, processing, processed), not to %s',
                             OLD.id, OLD.status, NEW.status);
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER conversations_status_forward BEFORE UPDATE OF status ON conversations
    FOR EACH ROW EXECUTE FUNCTION plinth_conversation_status_forward();
