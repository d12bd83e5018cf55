package io.plinth.vector.weaviate;

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
import io.weaviate.client6.v1.api.WeaviateClient;
import io.weaviate.client6.v1.api.WeaviateException;
import io.weaviate.client6.v1.api.collections.CollectionConfig;
import io.weaviate.client6.v1.api.collections.CollectionHandle;
import io.weaviate.client6.v1.api.collections.Vectors;
import io.weaviate.client6.v1.api.collections.WeaviateObject;
import io.weaviate.client6.v1.api.collections.data.InsertManyResponse;
import io.weaviate.client6.v1.api.collections.query.Filter;
import io.weaviate.client6.v1.api.collections.query.SortBy;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link SemanticIndex} on Weaviate: seed 004's class {@code UserKnowledgeItem} ({@link UserKnowledgeItemClass}),
 * created when the index is opened if missing, and refused if an existing class disagrees with the seed.
 * An object's id is the item's {@code externalId}, its vector the item's (self-provided, {@code vectorizer: none}).
 *
 * <p>Searches filter in Weaviate (user, model version, the filter's conditions) and rank the objects
 * found exactly with {@link Ranking}; keyword candidates of a hybrid search are the objects having one
 * of the query's words ({@code containsAny} on title, textContent and tags), at most
 * {@value #MAX_KEYWORD_CANDIDATES}. Weaviate keeps one vector size per class: an item or query of
 * another size than the stored objects is an {@link InvalidInputException} on {@code vector}.
 */
public final class WeaviateSemanticIndex implements SemanticIndex {
    private static final Logger LOG = LoggerFactory.getLogger(WeaviateSemanticIndex.class);
    /** The most objects a hybrid search reads as keyword candidates. */
    public static final int MAX_KEYWORD_CANDIDATES = 10_000;
    private static final int OVERFETCH = 4;

    private final WeaviateClient client;
    private final boolean ownsClient;
    private final CollectionHandle<Map<String, Object>> items;

    private WeaviateSemanticIndex(WeaviateClient client, boolean ownsClient) {
        this.client = client;
        this.ownsClient = ownsClient;
        run(() -> {
            Optional<CollectionConfig> existing = client.collections.getConfig(UserKnowledgeItemClass.NAME);
            if (existing.isEmpty()) {
                client.collections.create(UserKnowledgeItemClass.definition());
                LOG.info("created Weaviate class {}", UserKnowledgeItemClass.NAME);
            } else {
                List<String> differences = UserKnowledgeItemClass.disagreements(existing.get());
                if (!differences.isEmpty()) {
                    throw new IllegalStateException("the Weaviate class " + UserKnowledgeItemClass.NAME
                            + " disagrees with seed 004: " + String.join("; ", differences));
                }
            }
            return null;
        });
        this.items = client.collections.use(UserKnowledgeItemClass.NAME);
    }

    /** An index on a client the caller keeps and closes. */
    public static WeaviateSemanticIndex on(WeaviateClient client) {
        return new WeaviateSemanticIndex(Check.required("client", client), false);
    }

    /**
     * An index on its own client, connected to {@code url} (for example {@code http://localhost:8080})
     * for REST and to the same host on {@code grpcPort} (Weaviate's default is 50051); closed with the index.
     */
    public static WeaviateSemanticIndex connect(URI url, int grpcPort) {
        Check.required("url", url);
        String scheme = url.getScheme() == null ? "http" : url.getScheme();
        int port = url.getPort() > 0 ? url.getPort() : ("https".equals(scheme) ? 443 : 80);
        WeaviateClient client = WeaviateClient.connectToCustom(c -> c.scheme(scheme).httpHost(url.getHost()).httpPort(port)
                .grpcHost(url.getHost()).grpcPort(grpcPort));
        try {
            return new WeaviateSemanticIndex(client, true);
        } catch (RuntimeException e) {
            closeQuietly(client);
            throw e;
        }
    }

    // --- writing -------------------------------------------------------------------------------

    @Override
    public List<UpsertResult> upsertAll(List<KnowledgeItem> batch) {
        Check.required("items", batch);
        List<KnowledgeItem> given = new ArrayList<>(batch);
        if (given.isEmpty()) {
            return List.of();
        }
        return run(() -> {
            List<String> ids = given.stream().filter(i -> i != null).map(i -> i.externalId().toString()).distinct().toList();
            Map<String, String> owners = new HashMap<>();
            for (WeaviateObject<Map<String, Object>> o : items.query.fetchObjects(q -> q
                    .filters(Filter.property("externalId").containsAny(ids)).limit(ids.size()).returnProperties("externalId", "userId")).objects()) {
                owners.put(String.valueOf(o.properties().get("externalId")), String.valueOf(o.properties().get("userId")));
            }
            Map<String, Integer> dimensions = new HashMap<>();
            Integer classDimensions = storedDimensions(Filter.not(Filter.property("externalId").containsAny(ids)));
            List<UpsertResult> results = new ArrayList<>(given.size());
            Map<String, WeaviateObject<Map<String, Object>>> objects = new LinkedHashMap<>();
            for (int i = 0; i < given.size(); i++) {
                KnowledgeItem item = given.get(i);
                if (item == null) {
                    results.add(UpsertResult.refused(i, null, new InvalidInputException("items[" + i + "]", "is required")));
                    continue;
                }
                String id = item.externalId().toString();
                String owner = owners.get(id);
                PlinthException refused = Ranking.refusal(item, owner,
                        dimensions.getOrDefault(item.embeddingModelVersion(), classDimensions));
                if (refused != null) {
                    results.add(UpsertResult.refused(i, item.externalId(), refused));
                    continue;
                }
                owners.put(id, item.userId().toString());
                dimensions.put(item.embeddingModelVersion(), item.dimensions());
                classDimensions = classDimensions == null ? item.dimensions() : classDimensions;
                objects.remove(id);
                objects.put(id, WeaviateObject.of(o -> o.uuid(id).properties(UserKnowledgeItemClass.properties(item))
                        .vectors(Vectors.of(item.vector()))));
                results.add(UpsertResult.written(i, item.externalId()));
            }
            if (!objects.isEmpty()) {
                InsertManyResponse response = items.data.insertMany(List.copyOf(objects.values()));
                if (!response.errors().isEmpty()) {
                    throw new IllegalStateException("Weaviate refused " + response.errors().size() + " objects: " + response.errors().get(0));
                }
            }
            return List.copyOf(results);
        });
    }

    /** The vector size of a stored object passing {@code filter}, or null when there is none. */
    private Integer storedDimensions(Filter filter) {
        List<WeaviateObject<Map<String, Object>>> sample = items.query.fetchObjects(q -> q.filters(filter).limit(1)
                .returnProperties("externalId").includeVector()).objects();
        return sample.isEmpty() ? null : sample.get(0).vectors().getDefaultSingle().length;
    }

    // --- reading and deleting ------------------------------------------------------------------

    @Override
    public Optional<KnowledgeItem> find(UserId userId, SourceEntityType sourceEntityType, UUID sourceEntityId) {
        Check.required("userId", userId);
        String id = KnowledgeItem.externalIdOf(sourceEntityType, sourceEntityId).toString();
        return run(() -> items(items.query.fetchObjects(q -> q.filters(Filter.and(UserKnowledgeItemClass.user(userId),
                Filter.property("externalId").eq(id))).limit(1).includeVector()).objects()).stream().findFirst());
    }

    @Override
    public boolean deleteBySource(UserId userId, SourceEntityType sourceEntityType, UUID sourceEntityId) {
        Optional<KnowledgeItem> item = find(userId, sourceEntityType, sourceEntityId);
        return item.isPresent() && run(() -> items.data.deleteById(item.get().externalId().toString()));
    }

    @Override
    public long deleteAllOf(UserId userId) {
        Check.required("userId", userId);
        return run(() -> {
            long deleted = 0;
            while (true) {
                long round = items.data.deleteMany(UserKnowledgeItemClass.user(userId)).successful();
                deleted += round;
                if (round == 0) {
                    return deleted;
                }
            }
        });
    }

    @Override
    public long count(UserId userId) {
        Check.required("userId", userId);
        return run(() -> items.aggregate.overAll(a -> a.filters(UserKnowledgeItemClass.user(userId)).includeTotalCount(true))
                .totalCount());
    }

    @Override
    public List<KnowledgeItem> scan(UUID after, int limit) {
        Check.range("limit", limit, 1, MAX_SCAN);
        return run(() -> items(items.query.fetchObjects(q -> {
            if (after != null) {
                q.filters(Filter.uuid().gt(after.toString()));
            }
            return q.sort(SortBy.uuid()).limit(limit).includeVector();
        }).objects()));
    }

    // --- searching -----------------------------------------------------------------------------

    @Override
    public List<ScoredItem> nearest(NearestQuery query) {
        Check.required("query", query);
        return run(() -> checkDimensions(query.modelVersion(), query.vector().length) ? nearestChecked(query) : List.of());
    }

    private List<ScoredItem> nearestChecked(NearestQuery query) {
        Filter scope = UserKnowledgeItemClass.scope(query.userId(), query.modelVersion(), query.filter());
        int ask = query.k() * OVERFETCH;
        while (true) {
            int limit = ask;
            List<KnowledgeItem> found = items(items.query.nearVector(query.vector(), nv -> nv.filters(scope).limit(limit)
                    .includeVector()).objects());
            List<ScoredItem> ranked = Ranking.nearest(query, found);
            if (ranked.size() >= query.k() || found.size() < limit || limit >= MAX_KEYWORD_CANDIDATES) {
                return ranked;
            }
            ask = Math.min(MAX_KEYWORD_CANDIDATES, ask * 4);
        }
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
            List<KnowledgeItem> keywordItems = query.alpha() < 1 ? items(items.query.fetchObjects(q -> q
                    .filters(UserKnowledgeItemClass.keywords(UserKnowledgeItemClass.scope(query.userId(), query.modelVersion(),
                            query.filter()), Ranking.terms(query.text())))
                    .limit(MAX_KEYWORD_CANDIDATES).includeVector()).objects()) : List.of();
            return Ranking.hybrid(query, vectorList, keywordItems);
        });
    }

    private boolean checkDimensions(String modelVersion, int dimensions) {
        Integer stored = storedDimensions(Filter.property("embeddingModelVersion").eq(modelVersion));
        if (stored == null) {
            return false;
        }
        if (stored != dimensions) {
            throw Ranking.dimensionMismatch(modelVersion, stored, dimensions);
        }
        return true;
    }

    private static List<KnowledgeItem> items(List<WeaviateObject<Map<String, Object>>> objects) {
        List<KnowledgeItem> out = new ArrayList<>(objects.size());
        for (WeaviateObject<Map<String, Object>> o : objects) {
            out.add(UserKnowledgeItemClass.item(o.properties(), o.vectors().getDefaultSingle()));
        }
        return out;
    }

    // --- plumbing ------------------------------------------------------------------------------

    @FunctionalInterface
    private interface Call<T> {
        T get() throws IOException;
    }

    private static <T> T run(Call<T> call) {
        try {
            return call.get();
        } catch (IOException | WeaviateException e) {
            throw new RetryableException("Weaviate call failed: " + e.getClass().getSimpleName(), e);
        }
    }

    private static void closeQuietly(WeaviateClient client) {
        try {
            client.close();
        } catch (Exception e) {
            LOG.warn("closing the Weaviate client failed: {}", e.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        if (ownsClient) {
            closeQuietly(client);
        }
    }
}
