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
