package io.plinth.vector.feed;

import io.plinth.core.Check;
import io.plinth.core.RetryableException;
import io.plinth.graph.MirroredRow;
import io.plinth.graph.MirroredTable;
import io.plinth.graph.Outbox;
import io.plinth.graph.OutboxConsumer;
import io.plinth.graph.OutboxChange;
import io.plinth.graph.OutboxPosition;
import io.plinth.tenancy.UserId;
import io.plinth.vector.Embedder;
import io.plinth.vector.KnowledgeItem;
import io.plinth.vector.SemanticIndex;
import io.plinth.vector.SourceEntityType;
import io.plinth.vector.UpsertResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds a {@link SemanticIndex} from PostgreSQL's {@link Outbox}: creating, changing or deleting a memory
 * unit, concept, derived artifact, conversation message or card (re-)indexes or removes its item
 * ({@link SourceItem} says what each row's item is). Guarantees (docs/vector.md names the test of each):
 * <ul>
 *   <li>every change is applied, in outbox order, from the durable checkpoint of the consumer
 *       {@value #CONSUMER};</li>
 *   <li>a batch is acknowledged only after the index accepted every write of it, so after a crash or a
 *       failed write at any point the batch is applied again; applying again changes nothing, since each
 *       change is applied by the row's state now (an upsert of the item it gives, keyed by its source, or the
 *       item's delete when the row is gone or gives none), so the effect is that of applying it once;</li>
 *   <li>a deleted user's items are all removed; an item is only ever written for the row's own user.</li>
 * </ul>
 * An item the index refuses for good (say, a vector of other dimensions than the model version's items)
 * is logged and counted ({@link #refusedItems()}) and the batch acknowledged, so one bad row never stops
 * the feed; {@link VectorVerifier} then lists it as missing. A {@link RetryableException} fails the batch.
 *
 * <p>Drive it step by step ({@link #runOnce}, {@link #runUntilCaughtUp}) or in a background thread
 * ({@link #start}, {@link #stop}); one batch runs at a time. Run one projector per consumer name, and stop
 * it before closing its index.
 */
public final class VectorProjector extends OutboxConsumer<VectorProjector> {
    /** The consumer name the index's checkpoint is kept under. */
    public static final String CONSUMER = "vector-index";
    /** Records per batch unless told otherwise (each item of a batch is embedded). */
    public static final int DEFAULT_BATCH = 200;

    private static final Logger LOG = LoggerFactory.getLogger(VectorProjector.class);

    private final SemanticIndex index;
    private final Embedder embedder;
    private final AtomicLong refusedItems = new AtomicLong();

    /** A projector reading {@code outbox} as consumer {@value #CONSUMER} into {@code index}, embedding with {@code embedder}. */
    public VectorProjector(Outbox outbox, SemanticIndex index, Embedder embedder) {
        this(outbox, index, embedder, CONSUMER);
    }

    /** A projector under another consumer name (1 to 100 characters), for a second index fed from the same outbox. */
    public VectorProjector(Outbox outbox, SemanticIndex index, Embedder embedder, String consumer) {
        super(outbox, consumer, "plinth-vector-projector");
        this.index = Check.required("index", index);
        this.embedder = Check.required("embedder", embedder);
        batchSize(DEFAULT_BATCH);
    }

    /** How many items the index refused for good since this projector was made. */
    public long refusedItems() {
        return refusedItems.get();
    }

    /**
     * Applies a batch to the index without acknowledging it (a crash between the two is what the tests
     * make). Each source is applied once, by the state its last record carries (a batch's states are one
     * snapshot): users gone first, then the items of other users a source no longer belongs to, then one
     * batch upsert of every item the rows give.
     */
    @Override
    protected void apply(List<OutboxChange> batch) {
        Set<UserId> goneUsers = new LinkedHashSet<>();
        Map<UUID, Source> sources = new LinkedHashMap<>();
        for (OutboxChange change : batch) {
            if (change.table() == MirroredTable.USERS) {
                if (change.row().isEmpty()) {
                    goneUsers.add(new UserId(change.userId()));
                }
                continue;
            }
            Optional<SourceEntityType> type = SourceItem.typeOf(change.table());
            if (type.isPresent()) {
                Source source = sources.computeIfAbsent(KnowledgeItem.externalIdOf(type.get(), change.id()),
                        k -> new Source(type.get(), change.id()));
                source.users.add(new UserId(change.userId()));
                source.row = change.row();
            }
        }
        goneUsers.forEach(index::deleteAllOf);
        List<SourceItem> wanted = new ArrayList<>();
        for (Source source : sources.values()) {
            Optional<SourceItem> item = source.row.flatMap(SourceItem::of);
            for (UserId user : source.users) {
                if (!goneUsers.contains(user) && (item.isEmpty() || !item.get().userId().equals(user))) {
                    index.deleteBySource(user, source.type, source.id);
                }
            }
            item.ifPresent(wanted::add);
        }
        if (wanted.isEmpty()) {
            return;
        }
        List<float[]> vectors = embedder.embedAll(wanted.stream().map(SourceItem::embeddedText).toList());
        List<KnowledgeItem> items = new ArrayList<>(wanted.size());
        for (int i = 0; i < wanted.size(); i++) {
            items.add(wanted.get(i).item(embedder.modelVersion(), vectors.get(i)));
        }
        for (UpsertResult result : index.upsertAll(items)) {
            if (result.error() instanceof RetryableException retryable) {
                throw retryable;
            }
            if (!result.ok()) {
                refusedItems.incrementAndGet();
                SourceItem refused = wanted.get(result.index());
                LOG.warn("the index refused the item of {} {}: {}", refused.type().spelling(), refused.sourceId(),
                        result.error().getMessage());
            }
        }
    }

    /** One source of a batch: the users its records named and the state its last record carried. */
    private static final class Source {
        final SourceEntityType type;
        final UUID id;
        final Set<UserId> users = new LinkedHashSet<>();
        Optional<MirroredRow> row = Optional.empty();

        Source(SourceEntityType type, UUID id) {
            this.type = type;
            this.id = id;
        }
    }
}
