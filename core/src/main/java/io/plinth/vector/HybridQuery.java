package io.plinth.vector;

import io.plinth.core.Check;
import io.plinth.tenancy.UserId;

/**
 * The {@code k} best items of one user by keyword relevance of {@code text} fused with vector
 * similarity to {@code vector} (normally the embedding of {@code text}), weighted by {@code alpha}:
 * 1 is vector only, 0 keyword only. The ranking is defined in {@link Ranking#hybrid}. {@code text}
 * must hold at least one word (letters or digits) and at most {@value #MAX_TEXT} characters.
 */
public record HybridQuery(UserId userId, String modelVersion, String text, float[] vector, double alpha, int k,
        KnowledgeFilter filter) {
    public static final int MAX_TEXT = 10_000;

    public HybridQuery {
        Check.required("userId", userId);
        modelVersion = Check.text("modelVersion", modelVersion, KnowledgeItem.MAX_MODEL_VERSION);
        text = Check.text("text", text, MAX_TEXT);
        if (Ranking.terms(text).isEmpty()) {
            throw new io.plinth.core.InvalidInputException("text", "must contain at least one word");
        }
        vector = KnowledgeItem.vector("vector", vector);
        Check.range("alpha", alpha, 0.0, 1.0);
        Check.range("k", k, 1, NearestQuery.MAX_K);
        filter = filter == null ? KnowledgeFilter.ANY : filter;
    }

    /** The query without a filter. */
    public static HybridQuery of(UserId userId, String modelVersion, String text, float[] vector, double alpha, int k) {
        return new HybridQuery(userId, modelVersion, text, vector, alpha, k, KnowledgeFilter.ANY);
    }

    /** A copy of the query vector. */
    @Override
    public float[] vector() {
        return vector.clone();
    }

    /** This query with a filter. */
    public HybridQuery filtered(KnowledgeFilter filter) {
        return new HybridQuery(userId, modelVersion, text, vector, alpha, k, filter);
    }

    /** The nearest-neighbour query for this query's vector part, {@code n} items deep. */
    public NearestQuery vectorPart(int n) {
        return new NearestQuery(userId, modelVersion, vector, n, filter);
    }
}
