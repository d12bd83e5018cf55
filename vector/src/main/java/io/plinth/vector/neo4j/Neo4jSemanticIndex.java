package io.plinth.vector.neo4j;

import io.plinth.core.Check;
import io.plinth.core.InvalidInputException;
import io.plinth.core.PlinthException;
import io.plinth.core.RetryableException;
import io.plinth.tenancy.UserId;
import io.plinth.vector.HybridQuery;
import io.plinth.vector.KnowledgeItem;
import io.plinth.vector.NearestQuery;
import io.plinth.vector.Ranking;
import io.plinth.vector.ScoredItem;
import io.plinth.vector.SemanticIndex;
import io.plinth.vector.SourceEntityType;
import io.plinth.vector.UpsertResult;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Value;
import org.neo4j.driver.Values;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.neo4j.driver.exceptions.TransientException;
import org.neo4j.driver.types.Node;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link SemanticIndex} on Neo4j: one {@code :UserKnowledgeItem} node per item, with seed 004's
 * property names, and one vector index (cosine) per number of dimensions, on the property
 * {@code vector<dimensions>} (for example {@code vector384}, index {@code user_knowledge_item_vector_384}),
 * created when the first item of that size is written.
 *
 * <p>A search of a user with at most {@code exactScanBelow} items of the model version scans them
 * exactly. A larger one asks the vector index ({@code db.index.vector.queryNodes}) for more nodes
 * than it needs, keeps the user's, and widens the request until it has {@code k} candidates or the
 * index has no more; the candidates are then scored and ranked exactly by {@link Ranking}. So scores
 * and order are always exact, and only which items are found depends on the index's approximation.
 * Keyword candidates of a hybrid search are the user's items containing a query word, found by Cypher.
 *
 * <p>The index does not own the driver: closing it leaves the driver open.
 */
public final class Neo4jSemanticIndex implements SemanticIndex {
    private static final Logger LOG = LoggerFactory.getLogger(Neo4jSemanticIndex.class);
    /** The node label, seed 004's class name. */
    public static final String LABEL = "UserKnowledgeItem";
    /** How many more nodes than needed the first request to the vector index asks for. */
    static final int OVERFETCH = 10;

    private final Driver driver;
    private final SessionConfig session;
    private final int exactScanBelow;
    private final Set<Integer> indexedDimensions = ConcurrentHashMap.newKeySet();

    private Neo4jSemanticIndex(Builder builder) {
        this.driver = builder.driver;
        this.session = builder.database == null ? SessionConfig.defaultConfig() : SessionConfig.forDatabase(builder.database);
        this.exactScanBelow = builder.exactScanBelow;
        run(() -> {
            write("CREATE CONSTRAINT user_knowledge_item_external_id IF NOT EXISTS FOR (n:" + LABEL + ") REQUIRE n.externalId IS UNIQUE", Map.of());
            write("CREATE INDEX user_knowledge_item_user_id IF NOT EXISTS FOR (n:" + LABEL + ") ON (n.userId, n.embeddingModelVersion)", Map.of());
            write("CREATE INDEX user_knowledge_item_model IF NOT EXISTS FOR (n:" + LABEL + ") ON (n.embeddingModelVersion)", Map.of());
            return null;
        });
    }

    /** A builder over a driver the caller keeps and closes. */
    public static Builder builder(Driver driver) {
        return new Builder(driver);
    }

    /** Settings of a {@link Neo4jSemanticIndex}. */
    public static final class Builder {
        private final Driver driver;
        private String database;
        private int exactScanBelow = 1000;

        private Builder(Driver driver) {
            this.driver = Check.required("driver", driver);
        }

        /** The database to use (default: the server's default database). */
        public Builder database(String database) {
            this.database = Check.text("database", database, 63);
            return this;
        }

        /**
         * Searches of a user with at most this many items of the model version scan them exactly instead
         * of asking the vector index (default 1000; 0 always asks the index).
         */
        public Builder exactScanBelow(int items) {
            this.exactScanBelow = (int) Check.range("exactScanBelow", items, 0, Integer.MAX_VALUE);
            return this;
        }

        /** Creates the constraint and indexes if missing, and returns the index. */
        public Neo4jSemanticIndex build() {
            return new Neo4jSemanticIndex(this);
        }
    }

    // --- writing -------------------------------------------------------------------------------

    @Override
    public List<UpsertResult> upsertAll(List<KnowledgeItem> items) {
        Check.required("items", items);
        List<KnowledgeItem> given = new ArrayList<>(items);
        if (given.isEmpty()) {
            return List.of();
        }
        return run(() -> {
            List<String> ids = new ArrayList<>();
            Set<String> versions = new java.util.LinkedHashSet<>();
            for (KnowledgeItem item : given) {
                if (item != null) {
                    ids.add(item.externalId().toString());
                    versions.add(item.embeddingModelVersion());
                }
            }
            Map<String, String> owners = new HashMap<>();
            for (Record r : read("UNWIND $ids AS id MATCH (n:" + LABEL + " {externalId: id}) RETURN id, n.userId AS userId",
                    Map.of("ids", ids))) {
                owners.put(r.get("id").asString(), r.get("userId").asString());
            }
            Map<String, Integer> dimensions = new HashMap<>();
            for (Record r : read("UNWIND $versions AS v CALL { WITH v MATCH (n:" + LABEL + " {embeddingModelVersion: v}) "
                    + "WHERE NOT n.externalId IN $ids RETURN n.dimensions AS d LIMIT 1 } RETURN v, d",
                    Map.of("versions", List.copyOf(versions), "ids", ids))) {
                dimensions.put(r.get("v").asString(), r.get("d").asInt());
            }
            List<UpsertResult> results = new ArrayList<>(given.size());
            Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
            for (int i = 0; i < given.size(); i++) {
                KnowledgeItem item = given.get(i);
                if (item == null) {
                    results.add(UpsertResult.refused(i, null, new InvalidInputException("items[" + i + "]", "is required")));
                    continue;
                }
                String id = item.externalId().toString();
                String owner = owners.get(id);
                PlinthException refused = Ranking.refusal(item, owner, dimensions.get(item.embeddingModelVersion()));
                if (refused != null) {
                    results.add(UpsertResult.refused(i, item.externalId(), refused));
                    continue;
                }
                owners.put(id, item.userId().toString());
                dimensions.put(item.embeddingModelVersion(), item.dimensions());
                rows.remove(id);
                rows.put(id, properties(item));
                results.add(UpsertResult.written(i, item.externalId()));
            }
            for (Map<String, Object> row : rows.values()) {
                ensureVectorIndex((Integer) row.get("dimensions"));
            }
            if (!rows.isEmpty()) {
                write("UNWIND $rows AS row MERGE (n:" + LABEL + " {externalId: row.externalId}) SET n = row",
                        Map.of("rows", List.copyOf(rows.values())));
            }
            return List.copyOf(results);
        });
    }

    private static Map<String, Object> properties(KnowledgeItem item) {
        Map<String, Object> row = new HashMap<>();
        row.put("externalId", item.externalId().toString());
        row.put("userId", item.userId().toString());
        row.put("sourceEntityType", item.sourceEntityType().spelling());
        row.put("sourceEntityId", item.sourceEntityId().toString());
        row.put("textContent", item.textContent());
        if (item.title() != null) {
            row.put("title", item.title());
        }
        row.put("embeddingModelVersion", item.embeddingModelVersion());
        row.put("createdAt", OffsetDateTime.ofInstant(item.createdAt(), ZoneOffset.UTC));
        row.put("importanceScore", item.importanceScore());
        row.put("tags", item.tags());
        row.put("dimensions", item.dimensions());
        row.put(vectorProperty(item.dimensions()), item.vector());
        return row;
    }

    static String vectorProperty(int dimensions) {
        return "vector" + dimensions;
    }

    static String vectorIndex(int dimensions) {
        return "user_knowledge_item_vector_" + dimensions;
    }

    private void ensureVectorIndex(int dimensions) {
        if (indexedDimensions.contains(dimensions)) {
            return;
        }
        write("CREATE VECTOR INDEX " + vectorIndex(dimensions) + " IF NOT EXISTS FOR (n:" + LABEL + ") ON n."
                + vectorProperty(dimensions) + " OPTIONS {indexConfig: {`vector.dimensions`: " + dimensions
                + ", `vector.similarity_function`: 'cosine'}}", Map.of());
        write("CALL db.awaitIndex($name, 300)", Map.of("name", vectorIndex(dimensions)));
        indexedDimensions.add(dimensions);
        LOG.info("vector index {} ready", vectorIndex(dimensions));
    }

    // --- reading and deleting ------------------------------------------------------------------

    @Override
    public Optional<KnowledgeItem> find(UserId userId, SourceEntityType sourceEntityType, UUID sourceEntityId) {
        Check.required("userId", userId);
        String id = KnowledgeItem.externalIdOf(sourceEntityType, sourceEntityId).toString();
        return run(() -> read("MATCH (n:" + LABEL + " {externalId: $id, userId: $user}) RETURN n",
                Map.of("id", id, "user", userId.toString())).stream().findFirst().map(r -> item(r.get("n").asNode())));
    }

    @Override
    public boolean deleteBySource(UserId userId, SourceEntityType sourceEntityType, UUID sourceEntityId) {
        Check.required("userId", userId);
        String id = KnowledgeItem.externalIdOf(sourceEntityType, sourceEntityId).toString();
        return run(() -> write("MATCH (n:" + LABEL + " {externalId: $id, userId: $user}) DETACH DELETE n RETURN count(*) AS c",
                Map.of("id", id, "user", userId.toString())).get(0).get("c").asLong() > 0);
    }

    @Override
    public long deleteAllOf(UserId userId) {
        Check.required("userId", userId);
        return run(() -> write("MATCH (n:" + LABEL + " {userId: $user}) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS "
                + "RETURN count(*) AS c", Map.of("user", userId.toString()), true).get(0).get("c").asLong());
    }

    @Override
    public long count(UserId userId) {
        Check.required("userId", userId);
        return run(() -> read("MATCH (n:" + LABEL + " {userId: $user}) RETURN count(n) AS c",
                Map.of("user", userId.toString())).get(0).get("c").asLong());
    }

    @Override
    public List<KnowledgeItem> scan(UUID after, int limit) {
        Check.range("limit", limit, 1, MAX_SCAN);
        return run(() -> items(read("MATCH (n:" + LABEL + ") WHERE n.externalId > $after RETURN n ORDER BY n.externalId LIMIT $limit",
                Map.of("after", after == null ? "" : after.toString(), "limit", limit))));
    }

    // --- searching -----------------------------------------------------------------------------

    @Override
    public List<ScoredItem> nearest(NearestQuery query) {
        Check.required("query", query);
        return run(() -> checkDimensions(query.modelVersion(), query.vector().length) ? nearestChecked(query) : List.of());
    }

    private List<ScoredItem> nearestChecked(NearestQuery query) {
        Map<String, Object> scope = Map.of("user", query.userId().toString(), "model", query.modelVersion());
        if (exactScanBelow > 0 && ownsAtMost(scope, exactScanBelow)) {
            return Ranking.nearest(query, items(read("MATCH (n:" + LABEL + " {userId: $user, embeddingModelVersion: $model}) RETURN n", scope)));
        }
        int dimensions = query.vector().length;
        long ask = (long) query.k() * OVERFETCH + 50;
        while (true) {
            Map<String, Object> params = new HashMap<>(scope);
            params.put("index", vectorIndex(dimensions));
            params.put("n", ask);
            params.put("vector", query.vector());
            Record answer = read("CALL db.index.vector.queryNodes($index, $n, $vector) YIELD node WITH collect(node) AS found "
                    + "RETURN size(found) AS returned, "
                    + "[x IN found WHERE x.userId = $user AND x.embeddingModelVersion = $model] AS nodes", params).get(0);
            List<KnowledgeItem> candidates = new ArrayList<>();
            for (Value node : answer.get("nodes").values()) {
                candidates.add(item(node.asNode()));
            }
            List<ScoredItem> found = Ranking.nearest(query, candidates);
            // fewer nodes than asked for: the index has no more
            if (found.size() >= query.k() || answer.get("returned").asLong() < ask) {
                return found;
            }
            ask *= 4;
        }
    }

    /** Whether the user has at most {@code limit} items of the model version (counts no further than that). */
    private boolean ownsAtMost(Map<String, Object> scope, int limit) {
        Map<String, Object> params = new HashMap<>(scope);
        params.put("limit", limit + 1);
        return read("MATCH (n:" + LABEL + " {userId: $user, embeddingModelVersion: $model}) WITH n LIMIT $limit RETURN count(n) AS c",
                params).get(0).get("c").asLong() <= limit;
    }

    @Override
    public List<ScoredItem> hybrid(HybridQuery query) {
        Check.required("query", query);
        return run(() -> {
            if (!checkDimensions(query.modelVersion(), query.vector().length)) {
                return List.of();
            }
            List<ScoredItem> vectorList = query.alpha() > 0
                    ? nearestChecked(query.vectorPart(Ranking.hybridDepth(query.k()))) : List.of();
            List<KnowledgeItem> keywordItems = query.alpha() < 1 ? items(read("MATCH (n:" + LABEL
                    + " {userId: $user, embeddingModelVersion: $model}) WHERE any(t IN $terms WHERE toLower(n.textContent) CONTAINS t "
                    + "OR toLower(coalesce(n.title, '')) CONTAINS t OR any(g IN n.tags WHERE toLower(g) CONTAINS t)) RETURN n",
                    Map.of("user", query.userId().toString(), "model", query.modelVersion(), "terms", Ranking.terms(query.text()))))
                    : List.of();
            return Ranking.hybrid(query, vectorList, keywordItems);
        });
    }

    /** False when no item has this model version; an error when its items have other dimensions. */
    private boolean checkDimensions(String modelVersion, int dimensions) {
        List<Record> sample = read("MATCH (n:" + LABEL + " {embeddingModelVersion: $model}) RETURN n.dimensions AS d LIMIT 1",
                Map.of("model", modelVersion));
        if (sample.isEmpty()) {
            return false;
        }
        int stored = sample.get(0).get("d").asInt();
        if (stored != dimensions) {
            throw Ranking.dimensionMismatch(modelVersion, stored, dimensions);
        }
        return true;
    }

    private static List<KnowledgeItem> items(List<Record> records) {
        List<KnowledgeItem> out = new ArrayList<>(records.size());
        for (Record r : records) {
            out.add(item(r.get("n").asNode()));
        }
        return out;
    }

    static KnowledgeItem item(Node n) {
        int dimensions = n.get("dimensions").asInt();
        List<Object> raw = n.get(vectorProperty(dimensions)).asList();
        float[] vector = new float[raw.size()];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = ((Number) raw.get(i)).floatValue();
        }
        Value title = n.get("title");
        return new KnowledgeItem(UUID.fromString(n.get("externalId").asString()), UserId.parse(n.get("userId").asString()),
                SourceEntityType.ofSpelling("sourceEntityType", n.get("sourceEntityType").asString()),
                UUID.fromString(n.get("sourceEntityId").asString()), n.get("textContent").asString(),
                title.isNull() ? null : title.asString(), n.get("embeddingModelVersion").asString(),
                n.get("createdAt").asZonedDateTime().toInstant(), n.get("importanceScore").asDouble(),
                n.get("tags").asList(Value::asString), vector);
    }

    // --- driver plumbing -----------------------------------------------------------------------

    private List<Record> read(String cypher, Map<String, Object> params) {
        try (var s = driver.session(session)) {
            return s.executeRead(tx -> tx.run(cypher, Values.value(params)).list());
        }
    }

    private List<Record> write(String cypher, Map<String, Object> params) {
        return write(cypher, params, false);
    }

    private List<Record> write(String cypher, Map<String, Object> params, boolean autoCommit) {
        try (var s = driver.session(session)) {
            if (autoCommit) {
                return s.run(cypher, Values.value(params)).list();
            }
            return s.executeWrite(tx -> tx.run(cypher, Values.value(params)).list());
        }
    }

    private static <T> T run(Supplier<T> work) {
        try {
            return work.get();
        } catch (ServiceUnavailableException | SessionExpiredException | TransientException e) {
            throw new RetryableException("Neo4j is unavailable or the transaction was transient: " + e.getClass().getSimpleName(), e);
        }
    }

    @Override
    public void close() {
        // the driver belongs to the caller
    }
}
