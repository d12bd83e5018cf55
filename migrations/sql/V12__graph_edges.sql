-- The knowledge graph's weighted edges (seed 004 Part 2), kept in PostgreSQL, the system of record,
-- beside seed 004's tables and never changing them: a memory unit MENTIONS a concept, a concept is
-- RELATED_TO a concept. MEMBER_OF, MERGED_INTO and DERIVED_FROM come from seed 004's own columns.
-- Both ends of an edge belong to the edge's user (checked by Plinth before every write).

CREATE TABLE concept_mentions (
    mention_id      uuid NOT NULL DEFAULT gen_random_uuid(),
    user_id         uuid NOT NULL,
    memory_unit_id  uuid NOT NULL,
    concept_id      uuid NOT NULL,
    weight          double precision NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    version         bigint NOT NULL DEFAULT 0,
    CONSTRAINT concept_mentions_pkey PRIMARY KEY (mention_id),
    CONSTRAINT concept_mentions_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (user_id) ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT concept_mentions_memory_unit_id_fkey FOREIGN KEY (memory_unit_id) REFERENCES memory_units (muid) ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT concept_mentions_concept_id_fkey FOREIGN KEY (concept_id) REFERENCES concepts (concept_id) ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT concept_mentions_memory_unit_id_concept_id_key UNIQUE (memory_unit_id, concept_id),
    CONSTRAINT concept_mentions_weight_check CHECK (weight > 0 AND weight <= 1)
);
CREATE INDEX concept_mentions_user_id_mention_id_idx ON concept_mentions (user_id, mention_id);
CREATE INDEX concept_mentions_concept_id_idx ON concept_mentions (concept_id);

CREATE TABLE concept_relations (
    relation_id     uuid NOT NULL DEFAULT gen_random_uuid(),
    user_id         uuid NOT NULL,
    from_concept_id uuid NOT NULL,
    to_concept_id   uuid NOT NULL,
    weight          double precision NOT NULL,
    provenance      text NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    version         bigint NOT NULL DEFAULT 0,
    CONSTRAINT concept_relations_pkey PRIMARY KEY (relation_id),
    CONSTRAINT concept_relations_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (user_id) ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT concept_relations_from_concept_id_fkey FOREIGN KEY (from_concept_id) REFERENCES concepts (concept_id) ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT concept_relations_to_concept_id_fkey FOREIGN KEY (to_concept_id) REFERENCES concepts (concept_id) ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT concept_relations_from_concept_id_to_concept_id_key UNIQUE (from_concept_id, to_concept_id),
    CONSTRAINT concept_relations_to_concept_id_check CHECK (to_concept_id <> from_concept_id),
    CONSTRAINT concept_relations_weight_check CHECK (weight > 0 AND weight <= 1),
    CONSTRAINT concept_relations_provenance_check CHECK (char_length(provenance) BETWEEN 1 AND 200)
);
CREATE INDEX concept_relations_user_id_relation_id_idx ON concept_relations (user_id, relation_id);
CREATE INDEX concept_relations_to_concept_id_idx ON concept_relations (to_concept_id);
