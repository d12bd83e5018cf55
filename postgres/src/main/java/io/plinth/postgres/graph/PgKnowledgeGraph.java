package io.plinth.postgres.graph;

import io.plinth.core.Check;
import io.plinth.core.NotFoundException;
import io.plinth.graph.ArtifactSources;
import io.plinth.graph.ConceptPath;
import io.plinth.graph.EdgeType;
import io.plinth.graph.GraphSnapshot;
import io.plinth.graph.GraphSnapshot.Edge;
import io.plinth.graph.GraphSnapshot.Node;
import io.plinth.graph.KnowledgeGraph;
import io.plinth.graph.Mentioned;
import io.plinth.graph.Neighbour;
import io.plinth.graph.NodeType;
import io.plinth.memory.CommunityId;
import io.plinth.memory.ConceptId;
import io.plinth.memory.DerivedArtifactId;
import io.plinth.memory.MemoryUnitId;
import io.plinth.postgres.PgSession;
import io.plinth.postgres.memory.PgConceptRepository;
import io.plinth.postgres.sql.SqlErrors;
import io.plinth.tenancy.UserId;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * {@link KnowledgeGraph} on PostgreSQL, in plain JDBC on the session's connection, one statement per
 * question, so that each answer is read from one snapshot also outside a unit of work.
 *
 * <p><b>Neighbourhood.</b> A recursive query walks RELATED_TO edges in either direction, one level per
 * step, through the two covering indexes of {@code V14__graph_queries.sql}; at each level it keeps one
 * row per concept, the heaviest (a window function: PostgreSQL allows no aggregate in a recursive
 * term), which is exact because multiplying by a weight is monotone. Weights are multiplied from the
 * start, as the in-memory store does. The start itself is the walk's first row (weight 1, distance 0,
 * so always ranked first), which tells a concept with no neighbours from an unknown one.
 *
 * <p><b>Shortest path.</b> The function {@code plinth_concept_path} (V14): breadth-first by levels
 * from the end, each concept met once, then the first concept one step nearer at each step from the start.
 */
public final class PgKnowledgeGraph implements KnowledgeGraph {
    /** Parameters: user, concept, depth, limit + 1. */
    static final String NEIGHBOURHOOD = "WITH RECURSIVE walk(node, weight, depth) AS ("
            + " SELECT concept_id, float8 '1', 0 FROM concepts WHERE concept_id = ? AND user_id = ?"
            + " UNION ALL"
            + " SELECT node, weight, depth FROM ("
            + "  SELECT e.node, w.weight * e.weight AS weight, w.depth + 1 AS depth,"
            + "   row_number() OVER (PARTITION BY e.node ORDER BY w.weight * e.weight DESC) AS rank"
            + "  FROM walk w CROSS JOIN LATERAL ("
            + "   SELECT r.to_concept_id AS node, r.weight FROM concept_relations r"
            + "    WHERE r.from_concept_id = w.node AND r.user_id = ?"
            + "   UNION ALL"
            + "   SELECT r.from_concept_id, r.weight FROM concept_relations r"
            + "    WHERE r.to_concept_id = w.node AND r.user_id = ?) e"
            + "  WHERE w.depth < ?) level"
            + " WHERE rank = 1)"
            + " SELECT node, max(weight) AS weight, min(depth) AS distance FROM walk GROUP BY node"
            + " ORDER BY weight DESC, distance, node LIMIT ?";

    /** Whether each end is the user's, and the path (null concepts when none); one snapshot. Parameters: from, user, to, user, user, from, to, max. */
    private static final String PATH = "SELECT EXISTS (SELECT 1 FROM concepts WHERE concept_id = ? AND user_id = ?),"
            + " EXISTS (SELECT 1 FROM concepts WHERE concept_id = ? AND user_id = ?), p.concepts, p.weight"
            + " FROM plinth_concept_path(?, ?, ?, ?) p";

    /** One row per member, or one row of null for a community without members; no row for an unknown community. */
    private static final String MEMBERS = "SELECT c.concept_id FROM communities m"
            + " LEFT JOIN concepts c ON c.community_id = m.community_id AND c.user_id = m.user_id"
            + " WHERE m.community_id = ? AND m.user_id = ? ORDER BY c.concept_id";

    /** One row per mention, or one row of nulls; no row for an unknown memory unit. */
    private static final String MENTIONED = "SELECT cm.concept_id, cm.weight FROM memory_units u"
            + " LEFT JOIN concept_mentions cm ON cm.memory_unit_id = u.muid AND cm.user_id = u.user_id"
            + " WHERE u.muid = ? AND u.user_id = ? ORDER BY cm.weight DESC, cm.concept_id";

    private static final String SOURCES = "SELECT source_memory_unit_id, source_concept_id FROM derived_artifacts"
            + " WHERE artifact_id = ? AND user_id = ?";

    /** The user's nodes (kind 'node': type, id, label) and edges (kind 'edge': type, from, to, weight), one snapshot. */
    private static final String SUBGRAPH = ("SELECT 'node', 'MemoryUnit', muid, NULL::uuid, title, NULL::float8 FROM memory_units WHERE user_id = :user"
            + " UNION ALL SELECT 'node', 'Concept', concept_id, NULL, name, NULL FROM concepts WHERE user_id = :user"
            + " UNION ALL SELECT 'node', 'DerivedArtifact', artifact_id, NULL, title, NULL FROM derived_artifacts WHERE user_id = :user"
            + " UNION ALL SELECT 'node', 'Community', community_id, NULL, name, NULL FROM communities WHERE user_id = :user"
            + " UNION ALL SELECT 'edge', 'MENTIONS', memory_unit_id, concept_id, NULL, weight FROM concept_mentions WHERE user_id = :user"
            + " UNION ALL SELECT 'edge', 'RELATED_TO', from_concept_id, to_concept_id, NULL, weight FROM concept_relations WHERE user_id = :user"
            + " UNION ALL SELECT 'edge', 'MEMBER_OF', concept_id, community_id, NULL, 1 FROM concepts"
            + "  WHERE user_id = :user AND community_id IS NOT NULL"
            + " UNION ALL SELECT 'edge', 'MERGED_INTO', concept_id, merged_into_concept_id, NULL, 1 FROM concepts"
            + "  WHERE user_id = :user AND merged_into_concept_id IS NOT NULL"
            + " UNION ALL SELECT 'edge', 'DERIVED_FROM', artifact_id, source_memory_unit_id, NULL, 1 FROM derived_artifacts"
            + "  WHERE user_id = :user AND source_memory_unit_id IS NOT NULL"
            + " UNION ALL SELECT 'edge', 'DERIVED_FROM', artifact_id, source_concept_id, NULL, 1 FROM derived_artifacts"
            + "  WHERE user_id = :user AND source_concept_id IS NOT NULL").replace(":user", "?");
    /** How many times {@link #SUBGRAPH} takes the user. */
    private static final int SUBGRAPH_USERS = (int) SUBGRAPH.chars().filter(c -> c == '?').count();

    private final PgSession session;
    private final Supplier<Instant> now;

    /** The graph on the session of one unit of work or auto-commit call; {@code now} is the store's clock. */
    public PgKnowledgeGraph(PgSession session, Supplier<Instant> now) {
        this.session = session;
        this.now = now;
    }

    @Override
    public List<Neighbour> neighbourhood(UserId userId, ConceptId conceptId, int depth, int limit) {
        Check.range("depth", depth, 1, MAX_DEPTH);
        Check.range("limit", limit, 1, MAX_LIMIT);
        UUID user = userId.value();
        return query(NEIGHBOURHOOD, rs -> {
            if (!rs.next()) {
                throw new NotFoundException("concept", conceptId);
            }
            List<Neighbour> neighbours = new ArrayList<>();
            while (rs.next()) {
                neighbours.add(new Neighbour(new ConceptId(rs.getObject(1, UUID.class)), rs.getDouble(2), rs.getInt(3)));
            }
            return neighbours;
        }, conceptId.value(), user, user, user, depth, limit + 1);
    }

    @Override
    public Optional<ConceptPath> shortestPath(UserId userId, ConceptId from, ConceptId to) {
        UUID user = userId.value();
        return query(PATH, rs -> {
            rs.next();
            if (!rs.getBoolean(1)) {
                throw new NotFoundException("concept", from);
            }
            if (!rs.getBoolean(2)) {
                throw new NotFoundException("concept", to);
            }
            Array concepts = rs.getArray(3);
            if (concepts == null) {
                return Optional.empty();
            }
            List<ConceptId> ids = new ArrayList<>();
            for (Object id : (Object[]) concepts.getArray()) {
                ids.add(new ConceptId((UUID) id));
            }
            return Optional.of(new ConceptPath(ids, rs.getDouble(4)));
        }, from.value(), user, to.value(), user, user, from.value(), to.value(), MAX_PATH_EDGES);
    }

    @Override
    public List<ConceptId> communityMembers(UserId userId, CommunityId communityId) {
        return query(MEMBERS, rs -> {
            if (!rs.next()) {
                throw new NotFoundException("community", communityId);
            }
            List<ConceptId> members = new ArrayList<>();
            do {
                UUID id = rs.getObject(1, UUID.class);
                if (id != null) {
                    members.add(new ConceptId(id));
                }
            } while (rs.next());
            return members;
        }, communityId.value(), userId.value());
    }

    @Override
    public List<Mentioned> mentionedConcepts(UserId userId, MemoryUnitId memoryUnitId) {
        return query(MENTIONED, rs -> {
            if (!rs.next()) {
                throw new NotFoundException("memory unit", memoryUnitId);
            }
            List<Mentioned> mentioned = new ArrayList<>();
            do {
                UUID id = rs.getObject(1, UUID.class);
                if (id != null) {
                    mentioned.add(new Mentioned(new ConceptId(id), rs.getDouble(2)));
                }
            } while (rs.next());
            return mentioned;
        }, memoryUnitId.value(), userId.value());
    }

    @Override
    public ArtifactSources derivedFrom(UserId userId, DerivedArtifactId artifactId) {
        return query(SOURCES, rs -> {
            if (!rs.next()) {
                throw new NotFoundException("artifact", artifactId);
            }
            UUID memoryUnit = rs.getObject(1, UUID.class);
            UUID concept = rs.getObject(2, UUID.class);
            return new ArtifactSources(Optional.ofNullable(memoryUnit).map(MemoryUnitId::new),
                    Optional.ofNullable(concept).map(ConceptId::new));
        }, artifactId.value(), userId.value());
    }

    @Override
    public ConceptId resolve(UserId userId, ConceptId conceptId) {
        return new PgConceptRepository(session, now).resolve(userId, conceptId).id();
    }

    @Override
    public GraphSnapshot subgraph(UserId userId) {
        UUID user = userId.value();
        List<Node> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        Object[] users = java.util.Collections.nCopies(SUBGRAPH_USERS, (Object) user).toArray();
        query(SUBGRAPH, rs -> {
            while (rs.next()) {
                if (rs.getString(1).equals("node")) {
                    nodes.add(new Node(NodeType.valueOf(rs.getString(2)), rs.getObject(3, UUID.class), rs.getString(5)));
                } else {
                    edges.add(new Edge(EdgeType.valueOf(rs.getString(2)), rs.getObject(3, UUID.class),
                            rs.getObject(4, UUID.class), rs.getDouble(6)));
                }
            }
            return null;
        }, users);
        return GraphSnapshot.of(nodes, edges);
    }

    /** What a result set gives. */
    @FunctionalInterface
    private interface Reader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> T query(String sql, Reader<T> reader, Object... parameters) {
        try (PreparedStatement statement = session.connection().prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                return reader.read(rs);
            }
        } catch (SQLException e) {
            throw SqlErrors.map(e);
        }
    }
}
