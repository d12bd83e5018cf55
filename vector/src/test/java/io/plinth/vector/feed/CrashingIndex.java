package io.plinth.vector.feed;

import io.plinth.core.RetryableException;
import io.plinth.tenancy.UserId;
import io.plinth.vector.HybridQuery;
import io.plinth.vector.KnowledgeItem;
import io.plinth.vector.NearestQuery;
import io.plinth.vector.ScoredItem;
import io.plinth.vector.SemanticIndex;
import io.plinth.vector.SourceEntityType;
import io.plinth.vector.UpsertResult;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real index that, while {@link #crashing}, fails some writes after they were done: the write is in the
 * index, the caller sees an error, as when a process dies between the index's write and the outbox's
 * acknowledgement: the first write, then a share {@code rate} of the others. Seeded, so a run can be replayed.
 */
final class CrashingIndex implements SemanticIndex {
    private final SemanticIndex index;
    private final Random random;
    private final double rate;
    final AtomicLong crashes = new AtomicLong();
    volatile boolean crashing = true;

    CrashingIndex(SemanticIndex index, long seed, double rate) {
        this.index = index;
        this.random = new Random(seed);
        this.rate = rate;
    }

    private <T> T after(T result) {
        boolean crash;
        synchronized (random) {
            crash = crashing && (crashes.get() == 0 || random.nextDouble() < rate); // the first write always
        }
        if (crash) {
            crashes.incrementAndGet();
            throw new RetryableException("crashed after the index's write", null);
        }
        return result;
    }

    @Override
    public void upsert(KnowledgeItem item) {
        index.upsert(item);
        after(null);
    }

    @Override
    public List<UpsertResult> upsertAll(List<KnowledgeItem> items) {
        return after(index.upsertAll(items));
    }

    @Override
    public Optional<KnowledgeItem> find(UserId userId, SourceEntityType sourceEntityType, UUID sourceEntityId) {
        return index.find(userId, sourceEntityType, sourceEntityId);
    }

    @Override
    public boolean deleteBySource(UserId userId, SourceEntityType sourceEntityType, UUID sourceEntityId) {
        return after(index.deleteBySource(userId, sourceEntityType, sourceEntityId));
    }

    @Override
    public long deleteAllOf(UserId userId) {
        return after(index.deleteAllOf(userId));
    }

    @Override
    public long count(UserId userId) {
        return index.count(userId);
    }

    @Override
    public List<KnowledgeItem> scan(UUID after, int limit) {
        return index.scan(after, limit);
    }

    @Override
    public List<ScoredItem> nearest(NearestQuery query) {
        return index.nearest(query);
    }

    @Override
    public List<ScoredItem> hybrid(HybridQuery query) {
        return index.hybrid(query);
    }

    @Override
    public void close() {
        index.close();
    }
}
