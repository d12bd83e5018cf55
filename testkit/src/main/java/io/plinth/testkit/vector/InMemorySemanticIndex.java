package io.plinth.testkit.vector;

import io.plinth.core.Check;
import io.plinth.core.InvalidInputException;
import io.plinth.core.PlinthException;
import io.plinth.tenancy.UserId;
import io.plinth.vector.HybridQuery;
import io.plinth.vector.KnowledgeItem;
import io.plinth.vector.NearestQuery;
import io.plinth.vector.Ranking;
import io.plinth.vector.ScoredItem;
import io.plinth.vector.SemanticIndex;
import io.plinth.vector.SourceEntityType;
import io.plinth.vector.UpsertResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The reference {@link SemanticIndex}: every item in a map, every search an exact scan ranked by
 * {@link Ranking}. Thread-safe (one lock); fast enough for tests and for tens of thousands of items.
 */
public final class InMemorySemanticIndex implements SemanticIndex {
    private final Map<UUID, KnowledgeItem> items = new LinkedHashMap<>();

    @Override
    public synchronized void upsert(KnowledgeItem item) {
        write(Check.required("item", item));
    }

    @Override
    public synchronized List<UpsertResult> upsertAll(List<KnowledgeItem> batch) {
        Check.required("items", batch);
        List<UpsertResult> results = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            KnowledgeItem item = batch.get(i);
            if (item == null) {
                results.add(UpsertResult.refused(i, null, new InvalidInputException("items[" + i + "]", "is required")));
                continue;
            }
            try {
                write(item);
                results.add(UpsertResult.written(i, item.externalId()));
            } catch (PlinthException e) {
                results.add(UpsertResult.refused(i, item.externalId(), e));
            }
        }
        return List.copyOf(results);
    }

    private void write(KnowledgeItem item) {
        KnowledgeItem existing = items.get(item.externalId());
        if (existing != null && !existing.userId().equals(item.userId())) {
            throw Ranking.sourceOfAnotherUser(item);
        }
        for (KnowledgeItem other : items.values()) {
            if (other.embeddingModelVersion().equals(item.embeddingModelVersion())
                    && !other.externalId().equals(item.externalId()) && other.dimensions() != item.dimensions()) {
                throw Ranking.dimensionMismatch(item.embeddingModelVersion(), other.dimensions(), item.dimensions());
            }
        }
        items.put(item.externalId(), item);
    }

    @Override
    public synchronized Optional<KnowledgeItem> find(UserId userId, SourceEntityType sourceEntityType, UUID sourceEntityId) {
        Check.required("userId", userId);
        KnowledgeItem item = items.get(KnowledgeItem.externalIdOf(sourceEntityType, sourceEntityId));
        return item != null && item.userId().equals(userId) ? Optional.of(item) : Optional.empty();
    }

    @Override
    public synchronized boolean deleteBySource(UserId userId, SourceEntityType sourceEntityType, UUID sourceEntityId) {
        Optional<KnowledgeItem> item = find(userId, sourceEntityType, sourceEntityId);
        item.ifPresent(i -> items.remove(i.externalId()));
        return item.isPresent();
    }

    @Override
    public synchronized long deleteAllOf(UserId userId) {
        Check.required("userId", userId);
        long before = items.size();
        items.values().removeIf(i -> i.userId().equals(userId));
        return before - items.size();
    }

    @Override
    public synchronized long count(UserId userId) {
        Check.required("userId", userId);
        return items.values().stream().filter(i -> i.userId().equals(userId)).count();
    }

    @Override
    public synchronized List<KnowledgeItem> scan(UUID after, int limit) {
        Check.range("limit", limit, 1, MAX_SCAN);
        String from = after == null ? "" : after.toString();
        return items.values().stream().filter(i -> i.externalId().toString().compareTo(from) > 0)
                .sorted(Comparator.comparing(i -> i.externalId().toString())).limit(limit).toList();
    }

    @Override
    public synchronized List<ScoredItem> nearest(NearestQuery query) {
        Check.required("query", query);
        checkDimensions(query.modelVersion(), query.vector().length);
        return Ranking.nearest(query, items.values());
    }

    @Override
    public synchronized List<ScoredItem> hybrid(HybridQuery query) {
        Check.required("query", query);
        checkDimensions(query.modelVersion(), query.vector().length);
        List<ScoredItem> vectorList = Ranking.nearest(query.vectorPart(Ranking.hybridDepth(query.k())), items.values());
        return Ranking.hybrid(query, vectorList, items.values());
    }

    private void checkDimensions(String modelVersion, int dimensions) {
        for (KnowledgeItem item : items.values()) {
            if (item.embeddingModelVersion().equals(modelVersion) && item.dimensions() != dimensions) {
                throw Ranking.dimensionMismatch(modelVersion, item.dimensions(), dimensions);
            }
        }
    }

    @Override
    public void close() {
        // nothing to release
    }
}
