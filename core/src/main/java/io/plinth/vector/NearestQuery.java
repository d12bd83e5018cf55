package io.plinth.vector;

import io.plinth.core.Check;
import io.plinth.tenancy.UserId;

/**
 * The {@code k} items of one user nearest to {@code vector} by cosine similarity, among the items
 * embedded with {@code modelVersion} that pass {@code filter}. {@code k} is 1 to {@value #MAX_K}.
 */
public record NearestQuery(UserId userId, String modelVersion, float[] vector, int k, KnowledgeFilter filter) {
    public static final int MAX_K = 1000;

    public NearestQuery {
        Check.required("userId", userId);
        modelVersion = Check.text("modelVersion", modelVersion, KnowledgeItem.MAX_MODEL_VERSION);
        vector = KnowledgeItem.vector("vector", vector);
        Check.range("k", k, 1, MAX_K);
        filter = filter == null ? KnowledgeFilter.ANY : filter;
    }

    /** The query without a filter. */
    public static NearestQuery of(UserId userId, String modelVersion, float[] vector, int k) {
        return new NearestQuery(userId, modelVersion, vector, k, KnowledgeFilter.ANY);
    }

    /** A copy of the query vector. */
    @Override
    public float[] vector() {
        return vector.clone();
    }

    /** This query with a filter. */
    public NearestQuery filtered(KnowledgeFilter filter) {
        return new NearestQuery(userId, modelVersion, vector, k, filter);
    }
}
