-- Plinth V17: conversation messages and cards join the outbox, so the vector index (consumer
-- vector-index) is fed their changes like those of memory units, concepts and derived artifacts.
-- Same row triggers as V13's, through the same function (plinth_outbox_record, pinned to Plinth's
-- schema by V16): every insert, update and delete, from any client, and the rows a cascade deletes
-- (a conversation's messages, a user's cards) each write a record in the same transaction. The graph
-- projector skips these tables: messages and cards are not part of the graph.
CREATE TRIGGER conversation_messages_outbox AFTER INSERT OR UPDATE OR DELETE ON conversation_messages
    FOR EACH ROW EXECUTE FUNCTION plinth_outbox_record('id', 'user_id');
CREATE TRIGGER cards_outbox AFTER INSERT OR UPDATE OR DELETE ON cards
    FOR EACH ROW EXECUTE FUNCTION plinth_outbox_record('card_id', 'user_id');
