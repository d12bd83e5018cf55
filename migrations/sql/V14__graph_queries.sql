-- The knowledge graph's questions (io.plinth.graph.KnowledgeGraph) on PostgreSQL.
--
-- RELATED_TO edges are followed in either direction: from a concept through concept_relations by
-- from_concept_id, and back by to_concept_id. These two indexes carry the other end, the weight and
-- the user, so a step of a walk reads the index only.
CREATE INDEX concept_relations_from_concept_id_walk_idx ON concept_relations (from_concept_id) INCLUDE (to_concept_id, weight, user_id);
CREATE INDEX concept_relations_to_concept_id_walk_idx ON concept_relations (to_concept_id) INCLUDE (from_concept_id, weight, user_id);

-- The shortest chain of RELATED_TO edges (either direction) of user p_user from p_from to p_to, of at
-- most p_max edges, and among the shortest the one whose list of ids is first (uuid order): null when
-- there is none. Breadth-first from p_to, one level at a time, each concept met once (its distance to
-- p_to); then from p_from, always the first concept one step nearer. The weight is the product, from
-- p_from, of the largest weight of the edges joining each step. Both concepts must be the user's
-- (the caller checks).
CREATE FUNCTION plinth_concept_path(p_user uuid, p_from uuid, p_to uuid, p_max integer,
                                    OUT concepts uuid[], OUT weight double precision)
    LANGUAGE plpgsql STABLE AS $$
DECLARE
    seen     uuid[] := ARRAY[p_to];   -- every concept met, in the order met
    distance integer[] := ARRAY[0];   -- its distance to p_to
    level    uuid[] := ARRAY[p_to];   -- the concepts met at the last level
    reached  integer;
    at       uuid;
    step     uuid;
    w        double precision;
BEGIN
    IF p_from = p_to THEN
        concepts := ARRAY[p_from];
        weight := 1;
        RETURN;
    END IF;
    FOR k IN 1 .. p_max LOOP
        level := ARRAY(
            SELECT e.node FROM unnest(level) AS l(node)
            CROSS JOIN LATERAL (
                SELECT r.to_concept_id AS node FROM concept_relations r WHERE r.from_concept_id = l.node AND r.user_id = p_user
                UNION
                SELECT r.from_concept_id FROM concept_relations r WHERE r.to_concept_id = l.node AND r.user_id = p_user) e
            EXCEPT
            SELECT unnest(seen));
        EXIT WHEN cardinality(level) = 0;
        seen := seen || level;
        distance := distance || array_fill(k, ARRAY[cardinality(level)]);
        IF p_from = ANY (level) THEN
            reached := k;
            EXIT;
        END IF;
    END LOOP;
    IF reached IS NULL THEN
        RETURN;
    END IF;
    concepts := ARRAY[p_from];
    weight := 1;
    at := p_from;
    FOR left_ IN REVERSE reached .. 1 LOOP
        SELECT e.node, max(e.weight) INTO step, w
        FROM (SELECT r.to_concept_id AS node, r.weight FROM concept_relations r WHERE r.from_concept_id = at AND r.user_id = p_user
              UNION ALL
              SELECT r.from_concept_id, r.weight FROM concept_relations r WHERE r.to_concept_id = at AND r.user_id = p_user) e
        JOIN unnest(seen, distance) AS s(node, d) ON s.node = e.node AND s.d = left_ - 1
        GROUP BY e.node ORDER BY e.node LIMIT 1;
        weight := weight * w;
        concepts := concepts || step;
        at := step;
    END LOOP;
END
$$;
