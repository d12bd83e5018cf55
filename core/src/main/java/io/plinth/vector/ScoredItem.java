package io.plinth.vector;

import io.plinth.core.Check;

/** An item found by a search with its score: cosine similarity for nearest search, the fused score for hybrid. */
public record ScoredItem(KnowledgeItem item, double score) {
    public ScoredItem {
        Check.required("item", item);
    }
}
