package io.plinth.vector;

import io.plinth.tenancy.UserId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Seed 004's system of semantics: a user's {@link KnowledgeItem}s and the searches over them. Every
 * store (in-memory exact, Neo4j vector index, Weaviate) gives the same answers; the contract suite
 * {@code SemanticIndexContract} holds them to it.
 *
 * <p>Guarantees:
 * <ul>
 *   <li>An item is identified by its source: upserting a source again replaces its item, never
 *       duplicates it; so a projector may replay upserts and deletes any number of times.</li>
 *   <li>A source indexed for one user is never taken over by another: such an upsert is a
 *       {@link io.plinth.core.ConflictException} and writes nothing.</li>
 *   <li>Within a store, all items of one {@code embeddingModelVersion} have one number of dimensions: an
 *       item or query vector of another is an {@link io.plinth.core.InvalidInputException} on {@code vector}
 *       naming the model version and both counts.</li>
 *   <li>A search returns only items of the searching user and of the query's model version: another
 *       user's items are never returned, whatever the filter, and model versions are never mixed.</li>
 *   <li>Rankings are those of {@link Ranking}: exact cosine similarity, the documented keyword score and fusion,
 *       ties broken by {@code externalId}.</li>
 * </ul>
 */
public interface SemanticIndex extends AutoCloseable {
    /** The longest page {@link #scan} returns. */
    int MAX_SCAN = 10_000;

    /** Writes the item, replacing the item of the same source. */
    default void upsert(KnowledgeItem item) {
        io.plinth.core.Check.required("item", item);
        UpsertResult result = upsertAll(List.of(item)).get(0);
        if (!result.ok()) {
            throw result.error();
        }
    }

    /**
     * Writes each item as {@link #upsert} does, in order, and says per item whether it was written: an
     * item refused (null, another user's source, a vector of the wrong dimensions) does not keep the
     * others out. Returns one result per item, in the order given.
     */
    List<UpsertResult> upsertAll(List<KnowledgeItem> items);

    /** The user's item of this source, if indexed. */
    Optional<KnowledgeItem> find(UserId userId, SourceEntityType sourceEntityType, UUID sourceEntityId);

    /** Removes the user's item of this source; false when there was none (deleting twice is fine). */
    boolean deleteBySource(UserId userId, SourceEntityType sourceEntityType, UUID sourceEntityId);

    /** Removes every item of the user; returns how many there were. */
    long deleteAllOf(UserId userId);

    /** How many items the user has. */
    long count(UserId userId);

    /**
     * Every user's items whose {@code externalId} sorts after {@code after} (null: from the first), at most
     * {@code limit} (1 to {@value #MAX_SCAN}), in the order of their {@code externalId}s' canonical text
     * (which is also PostgreSQL's order of {@code uuid}). Pass the last {@code externalId} of a page to get
     * the next. For verifying and rebuilding a projection: it crosses users, so applications search with
     * {@link #nearest} and {@link #hybrid} instead.
     */
    List<KnowledgeItem> scan(UUID after, int limit);

    /** The nearest items, best first, scored by cosine similarity ({@link Ranking#nearest}). */
    List<ScoredItem> nearest(NearestQuery query);

    /** The best items by keyword relevance fused with vector similarity ({@link Ranking#hybrid}). */
    List<ScoredItem> hybrid(HybridQuery query);

    /** Releases the store's connections; closing twice is fine. */
    @Override
    void close();
}
