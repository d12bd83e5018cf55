-- The knowledge graph's questions (io.plinth.graph.KnowledgeGraph) on PostgreSQL.
--
-- RELATED_TO edges are followed in either direction: from a concept through concept_relations by
-- from_concept_id, and back by to_concept_id. These two indexes carry the other end, the weight and
-- the user, so a step of a walk reads the index only.
CREATE INDEX concept_relations_from_concept_id_walk_idx ON concept_relations (from_concept_id) INCLUDE (to_concept_id, weight, user_id);
CREATE INDEX concept_relations_to_concept_id_walk_idx ON concept_relations (to_concept_id) INCLUDE (from_concept_id, weight, user_id);

-- The RELATED_TO neighbours of concept p_node of user p_user, either direction, each with the
-- largest weight of the edges joining them.
CREATE FUNCTION plinth_concept_steps(p_user uuid, p_node uuid)
    RETURNS TABLE (node uuid, weight double precision)
    LANGUAGE sql STABLE AS $$
    SELECT e.node, max(e.weight) FROM (
        SELECT r.to_concept_id AS node, r.weight FROM concept_relations r WHERE r.from_concept_id = p_node AND r.user_id = p_user
        UNION ALL
        SELECT r.from_concept_id, r.weight FROM concept_relations r WHERE r.to_concept_id = p_node AND r.user_id = p_user) e
    GROUP BY e.node
$$;

-- The shortest chain of RELATED_TO edges (either direction) of user p_user from p_from to p_to, of at
-- most p_max edges, and among the shortest the one whose list of ids is first (uuid order); null
-- concepts when there is none. Both concepts must be the user's (the caller checks).
--
-- Breadth-first from both ends, one level at a time, always the smaller side, each concept met once
-- per side. When the newest level of one side meets the newest of the other, the chains are
-- length L = kf + kt long and run through the meeting concepts. Then, back towards p_from, the
-- concepts of each forward level one step from a good concept of the next are good; and from
-- p_from, each step takes the first good concept one step on (beyond the meeting level: the first
-- one a step nearer p_to). The weight is the product, from p_from, of each step's weight.
CREATE FUNCTION plinth_concept_path(p_user uuid, p_from uuid, p_to uuid, p_max integer,
                                    OUT concepts uuid[], OUT weight double precision)
    LANGUAGE plpgsql STABLE AS $$
DECLARE
    f_seen  uuid[] := ARRAY[p_from];  -- met from p_from, in the order met
    f_dist  integer[] := ARRAY[0];    -- their distance from p_from
    f_level uuid[] := ARRAY[p_from];  -- the newest forward level
    kf      integer := 0;
    t_seen  uuid[] := ARRAY[p_to];
    t_dist  integer[] := ARRAY[0];
    t_level uuid[] := ARRAY[p_to];
    kt      integer := 0;
    next    uuid[];
    good    uuid[];                   -- good concepts of the forward levels
    g_dist  integer[];
    layer   uuid[];
    total   integer;
    at      uuid;
    step    uuid;
    w       double precision;
BEGIN
    IF p_from = p_to THEN
        concepts := ARRAY[p_from];
        weight := 1;
        RETURN;
    END IF;
    LOOP
        IF kf + kt >= p_max THEN
            RETURN;
        END IF;
        IF cardinality(f_level) <= cardinality(t_level) THEN
            next := ARRAY(SELECT s.node FROM unnest(f_level) l(node), plinth_concept_steps(p_user, l.node) s
                          EXCEPT SELECT unnest(f_seen));
            IF cardinality(next) = 0 THEN
                RETURN;
            END IF;
            kf := kf + 1;
            f_seen := f_seen || next;
            f_dist := f_dist || array_fill(kf, ARRAY[cardinality(next)]);
            f_level := next;
        ELSE
            next := ARRAY(SELECT s.node FROM unnest(t_level) l(node), plinth_concept_steps(p_user, l.node) s
                          EXCEPT SELECT unnest(t_seen));
            IF cardinality(next) = 0 THEN
                RETURN;
            END IF;
            kt := kt + 1;
            t_seen := t_seen || next;
            t_dist := t_dist || array_fill(kt, ARRAY[cardinality(next)]);
            t_level := next;
        END IF;
        layer := ARRAY(SELECT unnest(f_level) INTERSECT SELECT unnest(t_level));
        EXIT WHEN cardinality(layer) > 0;
    END LOOP;
    total := kf + kt;
    good := layer;
    g_dist := array_fill(kf, ARRAY[cardinality(layer)]);
    FOR i IN REVERSE kf - 1 .. 1 LOOP
        layer := ARRAY(SELECT DISTINCT s.node FROM unnest(layer) g(node), plinth_concept_steps(p_user, g.node) s
                       JOIN unnest(f_seen, f_dist) AS f(node, d) ON f.node = s.node AND f.d = i);
        good := good || layer;
        g_dist := g_dist || array_fill(i, ARRAY[cardinality(layer)]);
    END LOOP;
    concepts := ARRAY[p_from];
    weight := 1;
    at := p_from;
    FOR i IN 1 .. total LOOP
        IF i <= kf THEN
            SELECT s.node, s.weight INTO step, w FROM plinth_concept_steps(p_user, at) s
            JOIN unnest(good, g_dist) AS g(node, d) ON g.node = s.node AND g.d = i
            ORDER BY s.node LIMIT 1;
        ELSE
            SELECT s.node, s.weight INTO step, w FROM plinth_concept_steps(p_user, at) s
            JOIN unnest(t_seen, t_dist) AS t(node, d) ON t.node = s.node AND t.d = total - i
            ORDER BY s.node LIMIT 1;
        END IF;
        weight := weight * w;
        concepts := concepts || step;
        at := step;
    END LOOP;
END
$$;
