package io.plinth.cli.bench;

import io.plinth.graph.KnowledgeGraph;
import io.plinth.graph.Neighbour;
import io.plinth.graph.Outbox;
import io.plinth.graph.OutboxPosition;
import io.plinth.graph.neo4j.Neo4jGraphStore;
import io.plinth.graph.neo4j.Projector;
import io.plinth.memory.Concept;
import io.plinth.memory.ConceptId;
import io.plinth.memory.NewConcept;
import io.plinth.memory.NewConceptRelation;
import io.plinth.postgres.PostgresStore;
import io.plinth.tenancy.NewUser;
import io.plinth.tenancy.UserId;
import java.io.PrintWriter;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.postgresql.PGConnection;

/**
 * {@code plinth bench graph}: seed 004's knowledge graph on PostgreSQL and Neo4j. It writes a synthetic
 * graph — one user with {@code concepts} concepts and {@code edges} weighted RELATED_TO relations
 * between random pairs of them, and {@code otherUsers} users with 100 concepts and 500 relations each —
 * to PostgreSQL: the users, and the other users' concepts and relations, through the
 * {@code PostgresStore}'s repositories; the big user's rows with plain {@code COPY}, which fires the
 * same outbox triggers as any other write. Then, in one run:
 * <ol>
 *   <li><b>projection</b>: the {@link Projector} drains the outbox records the seeding wrote into Neo4j
 *       (under a consumer name of its own, from the position before seeding), against a hand-written
 *       projection that reads the same rows from PostgreSQL page by page and writes each page with one
 *       {@code UNWIND … MERGE} statement, with the same batch size; the bench users' nodes are removed
 *       from Neo4j before each round; after an unmeasured warm-up round of each side, the measured rounds run in the order Plinth, baseline, baseline, Plinth (so the graph
 *       queried next is the projector's); changes/s;</li>
 *   <li><b>neighbourhood</b>: depth-2 neighbourhoods of random concepts of the big user through
 *       {@code Neo4jKnowledgeGraph} against the same Cypher written by hand on the driver, in
 *       {@link BenchRun#compare} rounds by {@code clients} threads;</li>
 *   <li><b>neighbourhood-postgres</b>: the same calls on Neo4j through Plinth against PostgreSQL's
 *       recursive answer ({@code store.graph()}).</li>
 * </ol>
 * Checks: Neo4j holds the big user's relations after projecting, and Neo4j and PostgreSQL give equal
 * neighbourhoods for 20 concepts. The run ends with three lines
 * {@code <name> ops/s=<plinth> baseline ops/s=<baseline> ratio=<plinth/baseline>} (an op of the
 * projection is one outbox record applied, or one row written by the baseline).
 */
public final class GraphBench {
    /** Concepts of each other user. */
    static final int OTHER_CONCEPTS = 100;
    /** Relations of each other user. */
    static final int OTHER_RELATIONS = 500;
    /** The consumer name the measured projector uses; its checkpoint row is removed after the run. */
    static final String CONSUMER = "plinth-bench-graph";
    private static final int DEPTH = 2;
    private static final int CHECKED_STARTS = 20;

    /**
     * What the graph bench builds and asks.
     *
     * @param concepts   concepts of the big user
     * @param edges      RELATED_TO relations of the big user
     * @param otherUsers users with {@value #OTHER_CONCEPTS} concepts and {@value #OTHER_RELATIONS} relations each
     * @param batch      records per projector batch, and rows per statement of the hand-written projection
     * @param limit      neighbours per neighbourhood call
     */
    public record Settings(int concepts, int edges, int otherUsers, int batch, int limit) {
    }

    /** What a run measured: Plinth over its baseline for each comparison, and whether the checks passed. */
    public record Outcome(double neighbourhoodRatio, double postgresRatio, double projectionRatio, boolean checked) {
    }

    private final BenchRun run;
    private final Settings settings;
    private final String neo4jUrl;
    private final String neo4jUser;
    private final String neo4jPassword;

    /**
     * @param neo4jUser     null for a Neo4j without authentication
     * @param neo4jPassword used with {@code neo4jUser}; never printed
     */
    public GraphBench(BenchSettings bench, Settings settings, String neo4jUrl, String neo4jUser, String neo4jPassword,
            PrintWriter out) {
        this.run = new BenchRun(bench, out);
        this.settings = settings;
        this.neo4jUrl = neo4jUrl;
        this.neo4jUser = neo4jUser;
        this.neo4jPassword = neo4jPassword;
    }

    /** The synthetic graph written: the big user, every bench user, the big user's concepts, and the rows written. */
    private record Seeded(UserId user, List<UserId> users, List<UUID> concepts, long rows) {
    }

    /** Runs the bench and prints its progress, then the three figures lines. */
    public Outcome run() throws Exception {
        run.say("graph bench: %,d concepts and %,d relations for one user, %d other users; projection in batches of %d, "
                        + "then depth-%d neighbourhoods (limit %d) by %d clients; the query comparisons take %d s",
                settings.concepts(), settings.edges(), settings.otherUsers(), settings.batch(), DEPTH, settings.limit(),
                run.settings().clients(), run.expected(3).toSeconds());
        AuthToken auth = neo4jUser == null ? AuthTokens.none() : AuthTokens.basic(neo4jUser, neo4jPassword);
        try (PostgresStore store = run.openStore();
             Neo4jGraphStore neo4j = neo4jUser == null ? Neo4jGraphStore.open(neo4jUrl)
                     : Neo4jGraphStore.open(neo4jUrl, neo4jUser, neo4jPassword);
             Driver driver = GraphDatabase.driver(neo4jUrl, auth)) {
            Outbox outbox = store.outbox();
            OutboxPosition before = outbox.head();
            Seeded seeded = seed(store);
            BenchRun.Comparison projection;
            try {
                projection = projection(store, outbox, neo4j, driver, seeded, before);
            } finally {
                forgetConsumer(store);
            }
            boolean checked = checkProjected(driver, seeded);
            KnowledgeGraph graph = neo4j.knowledgeGraph();
            checked &= checkAnswers(graph, store.graph(), seeded);

            Phase.ClientFactory plinth = neighbourhoods(seeded, i -> graph::neighbourhood);
            Phase.ClientFactory hand = neighbourhoods(seeded, i -> new HandWritten(driver));
            Phase.ClientFactory postgres = neighbourhoods(seeded, i -> store.graph()::neighbourhood);
            BenchRun.Comparison neighbourhood = run.compare("neighbourhood ", "ops", hand, plinth);
            BenchRun.Comparison versusPostgres = run.compare("neighbourhood-postgres ", "ops", postgres, plinth);

            if (!checked) {
                run.say("WARNING: a check failed (see above)");
            }
            run.say("%s", neighbourhood.summary("neighbourhood ", "ops"));
            run.say("%s", versusPostgres.summary("neighbourhood-postgres ", "ops"));
            run.say("%s", projection.summary("projection ", "ops"));
            return new Outcome(neighbourhood.ratio(), versusPostgres.ratio(), projection.ratio(), checked);
        }
    }

    // ---------------------------------------------------------------- seeding

    private Seeded seed(PostgresStore store) throws SQLException {
        long start = System.nanoTime();
        Random random = new Random(42);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        UserId user = store.users().create(NewUser.of("graph-bench-" + tag + "@example.com", "Graph bench")).id();
        List<UserId> users = new ArrayList<>(List.of(user));
        long rows = 1;
        for (int u = 0; u < settings.otherUsers(); u++) {
            UserId other = store.users().create(NewUser.of("graph-bench-" + tag + "-" + u + "@example.com", "Other " + u)).id();
            users.add(other);
            List<Concept> concepts = new ArrayList<>();
            for (int i = 0; i < OTHER_CONCEPTS; i++) {
                concepts.add(store.concepts().create(new NewConcept(other, "concept " + i, "topic", null, null, null)));
            }
            for (long[] pair : pairs(random, OTHER_CONCEPTS, OTHER_RELATIONS)) {
                store.conceptRelations().create(new NewConceptRelation(other, concepts.get((int) pair[0]).id(),
                        concepts.get((int) pair[1]).id(), weight(random), "bench"));
            }
            rows += 1 + OTHER_CONCEPTS + OTHER_RELATIONS;
        }
        run.say("seeded %d other users through the repositories in %.1f s", settings.otherUsers(), seconds(start));

        List<UUID> concepts = new ArrayList<>(settings.concepts());
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < settings.concepts(); i++) {
            UUID id = ConceptId.generate().value();
            concepts.add(id);
            csv.append(id).append(',').append(user).append(",concept ").append(i).append(",topic\n");
        }
        StringBuilder relations = new StringBuilder();
        for (long[] pair : pairs(random, settings.concepts(), settings.edges())) {
            relations.append(UUID.randomUUID()).append(',').append(user).append(',').append(concepts.get((int) pair[0]))
                    .append(',').append(concepts.get((int) pair[1])).append(',').append(weight(random)).append(",bench\n");
        }
        start = System.nanoTime();
        try (Connection c = store.dataSource().getConnection()) {
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            copy.copyIn("COPY concepts (concept_id, user_id, name, type) FROM STDIN (FORMAT csv)", new StringReader(csv.toString()));
            copy.copyIn("COPY concept_relations (relation_id, user_id, from_concept_id, to_concept_id, weight, provenance) "
                    + "FROM STDIN (FORMAT csv)", new StringReader(relations.toString()));
            try (var s = c.createStatement()) {
                s.execute("ANALYZE concepts");
                s.execute("ANALYZE concept_relations");
            }
        } catch (java.io.IOException e) {
            throw new SQLException("COPY failed", e);
        }
        rows += settings.concepts() + (long) settings.edges();
        run.say("seeded the big user's %,d concepts and %,d relations with COPY in %.1f s (the outbox triggers fired for each row)",
                settings.concepts(), settings.edges(), seconds(start));
        return new Seeded(user, List.copyOf(users), List.copyOf(concepts), rows);
    }

    /** {@code count} distinct ordered pairs of distinct indexes below {@code n}. */
    private static List<long[]> pairs(Random random, int n, int count) {
        Set<Long> seen = new HashSet<>();
        List<long[]> pairs = new ArrayList<>(count);
        while (pairs.size() < count) {
            long from = random.nextInt(n);
            long to = random.nextInt(n);
            if (from != to && seen.add(from * n + to)) {
                pairs.add(new long[] {from, to});
            }
        }
        return pairs;
    }

    private static double weight(Random random) {
        return 0.01 + 0.99 * random.nextDouble();
    }

    // ---------------------------------------------------------------- projection

    private BenchRun.Comparison projection(PostgresStore store, Outbox outbox, Neo4jGraphStore neo4j, Driver driver,
            Seeded seeded, OutboxPosition before) throws SQLException {
        Projector projector = neo4j.projector(outbox, CONSUMER).batchSize(settings.batch());
        Phase.Result plinth = null;
        Phase.Result baseline = null;
        // a warm-up round of each side first, unmeasured, as every other comparison has: Neo4j's write
        // path is cold at the start, and ABBA alone would give the whole warm-up to Plinth's first round
        for (String side : List.of("warm-up plinth", "warm-up baseline", "plinth", "baseline", "baseline", "plinth")) {
            clear(driver, seeded);
            long count;
            long start;
            if (side.endsWith("plinth")) {
                forgetConsumer(store);
                outbox.acknowledge(CONSUMER, before);
                start = System.nanoTime();
                count = projector.runUntilCaughtUp(Duration.ofHours(1));
            } else {
                start = System.nanoTime();
                count = handWrittenProjection(store, driver, seeded);
            }
            long nanos = System.nanoTime() - start;
            Phase.Result result = new Phase.Result(side, count, nanos, -1, Latencies.NONE);
            run.say("[projection %s] %,d changes in %.1f s: %,d changes/s", side, count, nanos / 1e9, Math.round(result.perSecond()));
            if (side.startsWith("warm-up")) {
                continue;
            }
            if (side.equals("plinth")) {
                plinth = plinth == null ? result : plinth.plus(result);
            } else {
                baseline = baseline == null ? result : baseline.plus(result);
            }
        }
        return new BenchRun.Comparison(plinth, baseline);
    }

    /** Removes the bench users' nodes (and so their edges) from Neo4j. */
    private static void clear(Driver driver, Seeded seeded) {
        List<String> users = seeded.users().stream().map(UserId::toString).toList();
        try (Session session = driver.session()) {
            for (String label : List.of("Concept", "User")) {
                session.run("MATCH (n:" + label + ") WHERE n.userId IN $users CALL { WITH n DETACH DELETE n } "
                        + "IN TRANSACTIONS OF 1000 ROWS", Map.of("users", users)).consume();
            }
        }
    }

    private static void forgetConsumer(PostgresStore store) throws SQLException {
        try (Connection c = store.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("DELETE FROM outbox_checkpoints WHERE consumer = ?")) {
            s.setString(1, CONSUMER);
            s.executeUpdate();
        }
    }

    /**
     * The hand-written projection of the same rows: users, then concepts, then relations, each read from
     * PostgreSQL in keyset pages of {@code batch} and written with one {@code UNWIND … MERGE} per page.
     */
    private long handWrittenProjection(PostgresStore store, Driver driver, Seeded seeded) throws SQLException {
        long written = 0;
        try (Connection c = store.dataSource().getConnection(); Session session = driver.session()) {
            List<Map<String, Object>> users = seeded.users().stream().<Map<String, Object>>map(u -> Map.of("userId", u.toString())).toList();
            session.executeWriteWithoutResult(tx -> tx.run("UNWIND $rows AS r MERGE (u:User {userId: r.userId})",
                    Map.of("rows", users)).consume());
            written += users.size();
            for (UserId user : seeded.users()) {
                written += pages(c, session, user, "SELECT concept_id, user_id, name, type, status FROM concepts",
                        "concept_id", rs -> Map.of("id", rs.getString(1), "userId", rs.getString(2), "name", rs.getString(3),
                                "type", rs.getString(4), "status", rs.getString(5)),
                        "UNWIND $rows AS r MERGE (n:Concept {id: r.id}) SET n = r");
            }
            for (UserId user : seeded.users()) {
                written += pages(c, session, user,
                        "SELECT relation_id, user_id, from_concept_id, to_concept_id, weight, provenance FROM concept_relations",
                        "relation_id", rs -> Map.of("id", rs.getString(1), "userId", rs.getString(2), "from", rs.getString(3),
                                "to", rs.getString(4), "weight", rs.getDouble(5), "provenance", rs.getString(6)),
                        "UNWIND $rows AS r MATCH (a:Concept {id: r.from}) MATCH (b:Concept {id: r.to}) "
                                + "MERGE (a)-[e:RELATED_TO {id: r.id}]->(b) "
                                + "SET e.userId = r.userId, e.weight = r.weight, e.provenance = r.provenance");
            }
        }
        return written;
    }

    private interface RowReader {
        Map<String, Object> read(ResultSet rs) throws SQLException;
    }

    private long pages(Connection c, Session session, UserId user, String select, String key, RowReader reader,
            String cypher) throws SQLException {
        long written = 0;
        UUID after = new UUID(0, 0);
        try (PreparedStatement s = c.prepareStatement(select + " WHERE user_id = ? AND " + key + " > ? ORDER BY " + key
                + " LIMIT ?")) {
            while (true) {
                s.setObject(1, user.value());
                s.setObject(2, after);
                s.setInt(3, settings.batch());
                List<Map<String, Object>> rows = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows.add(reader.read(rs));
                        after = rs.getObject(1, UUID.class);
                    }
                }
                if (rows.isEmpty()) {
                    return written;
                }
                session.executeWriteWithoutResult(tx -> tx.run(cypher, Map.of("rows", rows)).consume());
                written += rows.size();
            }
        }
    }

    // ---------------------------------------------------------------- checks

    private boolean checkProjected(Driver driver, Seeded seeded) {
        try (Session session = driver.session()) {
            long edges = session.run("MATCH (:Concept {userId: $u})-[r:RELATED_TO]->() RETURN count(r) AS n",
                    Map.of("u", seeded.user().toString())).single().get("n").asLong();
            boolean ok = edges == settings.edges();
            run.say("%s: Neo4j holds %,d of the big user's %,d relations", ok ? "checked" : "WARNING", edges, settings.edges());
            return ok;
        }
    }

    private boolean checkAnswers(KnowledgeGraph neo4j, KnowledgeGraph postgres, Seeded seeded) {
        Random random = new Random(7);
        int differ = 0;
        for (int i = 0; i < CHECKED_STARTS; i++) {
            ConceptId start = new ConceptId(seeded.concepts().get(random.nextInt(seeded.concepts().size())));
            if (!neo4j.neighbourhood(seeded.user(), start, DEPTH, settings.limit())
                    .equals(postgres.neighbourhood(seeded.user(), start, DEPTH, settings.limit()))) {
                differ++;
            }
        }
        run.say("%s: Neo4j and PostgreSQL gave %s neighbourhoods for %d random concepts", differ == 0 ? "checked" : "WARNING",
                differ == 0 ? "equal" : differ + " different", CHECKED_STARTS);
        return differ == 0;
    }

    // ---------------------------------------------------------------- queries

    /** What a neighbourhood client asks: {@link KnowledgeGraph#neighbourhood} of one store or the other. */
    @FunctionalInterface
    private interface Neighbourhoods {
        List<Neighbour> neighbourhood(UserId userId, ConceptId conceptId, int depth, int limit);
    }

    /** Clients asking depth-2 neighbourhoods of random concepts of the big user of the graph each client is given. */
    private Phase.ClientFactory neighbourhoods(Seeded seeded, Function<Integer, Neighbourhoods> graphs) {
        return index -> {
            Neighbourhoods graph = graphs.apply(index);
            Random random = new Random(1000L + index);
            return () -> {
                ConceptId start = new ConceptId(seeded.concepts().get(random.nextInt(seeded.concepts().size())));
                graph.neighbourhood(seeded.user(), start, DEPTH, settings.limit());
                return 1;
            };
        };
    }

    /**
     * The neighbourhood written by hand on the driver: the same Cypher as Plinth's, the user's scope in
     * the same read transaction, the answer mapped to the same {@link Neighbour} values.
     */
    private record HandWritten(Driver driver) implements Neighbourhoods {
        private static final String CYPHER = """
                MATCH (s:Concept {id: $id}) WHERE s.userId = $u
                MATCH p = (s)-[:RELATED_TO*1..%d]-(n:Concept)
                WHERE n <> s
                WITH n.id AS id, reduce(w = 1.0, r IN relationships(p) | w * r.weight) AS w, length(p) AS d
                WITH id, max(w) AS weight, min(d) AS distance
                RETURN id, weight, distance ORDER BY weight DESC, distance, id LIMIT $limit""";

        @Override
        public List<Neighbour> neighbourhood(UserId userId, ConceptId conceptId, int depth, int limit) {
            try (Session session = driver.session()) {
                return session.executeRead(tx -> tx.run(CYPHER.formatted(depth),
                        Map.of("id", conceptId.toString(), "u", userId.toString(), "limit", limit)).list(r -> new Neighbour(
                        ConceptId.parse(r.get("id").asString()), r.get("weight").asDouble(), r.get("distance").asInt())));
            }
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
