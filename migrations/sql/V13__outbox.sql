-- The outbox: every change to a row that a projection mirrors (the knowledge graph in Neo4j, later a
-- vector index) writes a record here in the same transaction, so no change commits without its record
-- and no record without its change (seed 002's mandate of atomicity). Row triggers write the records,
-- so writes from any client (Plinth, a Prisma client, psql) and the rows a cascade deletes or updates
-- (a user's delete cascading to its concepts: the child rows' triggers fire) are all caught. A record
-- names the row (table and id) and its user; consumers read the row's state at the time they read.
--
-- Consumers (the graph projector, later a vector indexer) each keep a durable checkpoint in
-- outbox_checkpoints and read the records after it, in (xid, id) order.
--
-- Why no record is ever skipped (the gap problem of a bigserial outbox: a transaction can take id 7,
-- commit after another took id 8 and committed, and a reader that saw 8 and moved its checkpoint past
-- it never sees 7):
--   * each record carries the id of the transaction that wrote it (xid = pg_current_xact_id());
--   * a reader only takes records whose xid is below xmin of its snapshot
--     (pg_snapshot_xmin(pg_current_snapshot())). Every transaction with an xid below xmin has ended,
--     so the records it wrote are all visible to the reader or were rolled back: that part of the
--     outbox can no longer change;
--   * any transaction still running, or started later, has an xid >= that xmin, so every record that
--     is not visible yet sorts after every record the reader takes. Taking records in (xid, id) order
--     and moving the checkpoint to the last one taken therefore never passes a record that can still
--     appear. A batch limit only stops earlier in the settled part.
-- The price: a long-running transaction holds consumption back until it ends (the lag grows, nothing
-- is lost). xid8 values never wrap (PostgreSQL 13 and later).

CREATE TABLE outbox (
    id          bigserial   NOT NULL,
    xid         xid8        NOT NULL DEFAULT pg_current_xact_id(),
    entity      text        NOT NULL,
    entity_id   uuid        NOT NULL,
    user_id     uuid        NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT outbox_pkey PRIMARY KEY (id)
);
CREATE INDEX outbox_xid_id_idx ON outbox (xid, id);

CREATE TABLE outbox_checkpoints (
    consumer    text        NOT NULL,
    xid         xid8        NOT NULL,
    id          bigint      NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT outbox_checkpoints_pkey PRIMARY KEY (consumer),
    CONSTRAINT outbox_checkpoints_consumer_check CHECK (char_length(consumer) BETWEEN 1 AND 100)
);

-- TG_ARGV[0]: the row's id column; TG_ARGV[1]: its user column. An update that changes the id or the
-- user records the old row too, so a consumer also removes what the row was before.
CREATE FUNCTION plinth_outbox_record() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    new_row jsonb;
    old_row jsonb;
BEGIN
    IF TG_OP <> 'INSERT' THEN
        old_row := to_jsonb(OLD);
    END IF;
    IF TG_OP <> 'DELETE' THEN
        new_row := to_jsonb(NEW);
        INSERT INTO outbox (entity, entity_id, user_id)
        VALUES (TG_TABLE_NAME, (new_row ->> TG_ARGV[0])::uuid, (new_row ->> TG_ARGV[1])::uuid);
    END IF;
    IF old_row IS NOT NULL AND (new_row IS NULL
            OR old_row ->> TG_ARGV[0] IS DISTINCT FROM new_row ->> TG_ARGV[0]
            OR old_row ->> TG_ARGV[1] IS DISTINCT FROM new_row ->> TG_ARGV[1]) THEN
        INSERT INTO outbox (entity, entity_id, user_id)
        VALUES (TG_TABLE_NAME, (old_row ->> TG_ARGV[0])::uuid, (old_row ->> TG_ARGV[1])::uuid);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER users_outbox AFTER INSERT OR UPDATE OR DELETE ON users
    FOR EACH ROW EXECUTE FUNCTION plinth_outbox_record('user_id', 'user_id');
CREATE TRIGGER memory_units_outbox AFTER INSERT OR UPDATE OR DELETE ON memory_units
    FOR EACH ROW EXECUTE FUNCTION plinth_outbox_record('muid', 'user_id');
CREATE TRIGGER concepts_outbox AFTER INSERT OR UPDATE OR DELETE ON concepts
    FOR EACH ROW EXECUTE FUNCTION plinth_outbox_record('concept_id', 'user_id');
CREATE TRIGGER communities_outbox AFTER INSERT OR UPDATE OR DELETE ON communities
    FOR EACH ROW EXECUTE FUNCTION plinth_outbox_record('community_id', 'user_id');
CREATE TRIGGER derived_artifacts_outbox AFTER INSERT OR UPDATE OR DELETE ON derived_artifacts
    FOR EACH ROW EXECUTE FUNCTION plinth_outbox_record('artifact_id', 'user_id');
CREATE TRIGGER concept_mentions_outbox AFTER INSERT OR UPDATE OR DELETE ON concept_mentions
    FOR EACH ROW EXECUTE FUNCTION plinth_outbox_record('mention_id', 'user_id');
CREATE TRIGGER concept_relations_outbox AFTER INSERT OR UPDATE OR DELETE ON concept_relations
    FOR EACH ROW EXECUTE FUNCTION plinth_outbox_record('relation_id', 'user_id');
