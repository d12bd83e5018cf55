package io.plinth.vector;

import io.plinth.core.InvalidInputException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * How every {@link SemanticIndex} ranks, defined once and used by every store, so their answers are
 * the same. Stores that search approximately (a vector index) fetch candidates and rank them here.
 *
 * <h2>Nearest search</h2>
 * The score of an item is the cosine similarity of its vector and the query vector, computed in
 * {@code double}: {@code Σ aᵢbᵢ / (‖a‖·‖b‖)}, in [-1, 1]. The candidates are the user's items of the
 * query's model version that pass the filter; the result is the {@code k} best by score, descending,
 * ties by {@code externalId} in ascending text order.
 *
 * <h2>Keyword score</h2>
 * Text is split into <em>words</em>: maximal runs of Unicode letters and digits, lower-cased
 * ({@link Locale#ROOT}), as Weaviate's {@code word} tokenization does. The query's terms are its distinct
 * words. An item's words are those of its {@code title}, {@code textContent} and {@code tags}. Its
 * keyword score is the fraction of the query's terms among its words, in [0, 1]: a query
 * {@code "red apple"} scores 1 for an item mentioning both, 0.5 for one mentioning either. The score
 * depends on the item and the query only, never on the other items, so every store computes it alike.
 *
 * <h2>Hybrid search (relative score fusion)</h2>
 * With {@code N = max(k, }{@value #HYBRID_DEPTH}{@code )}:
 * <ol>
 *   <li>the vector list {@code V} is the nearest search for the query's vector, {@code N} deep;</li>
 *   <li>the keyword list {@code K} is the {@code N} candidates of highest keyword score above 0
 *       (ties by {@code externalId});</li>
 *   <li>each list's scores are min-max normalised: {@code (s - min) / (max - min)}, or 1 for every
 *       item when {@code max = min};</li>
 *   <li>an item's fused score is {@code alpha · v + (1 - alpha) · w}, with {@code v} its normalised
 *       score in {@code V} and {@code w} in {@code K}, 0 where it is absent from a list;</li>
 *   <li>the items ranked are {@code V ∪ K} ({@code V} alone when alpha is 1, {@code K} alone when it is
 *       0), by fused score descending, ties by {@code externalId}; the first {@code k} are returned.</li>
 * </ol>
 * This is Weaviate's {@code relativeScoreFusion}, with the keyword score above in place of BM25.
 */
public final class Ranking {
    /** The least depth of each list fused by a hybrid search. */
    public static final int HYBRID_DEPTH = 100;

    /** Best first: score descending, then {@code externalId} ascending in text order. */
    public static final Comparator<ScoredItem> ORDER = Comparator.comparingDouble(ScoredItem::score).reversed()
            .thenComparing(s -> s.item().externalId().toString());

    private Ranking() {
    }

    /** The distinct words of {@code text}, lower-cased, in order of first appearance. */
    public static List<String> terms(String text) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        addWords(text, out);
        return List.copyOf(out);
    }

    /** The words of an item: those of its title, text and tags. */
    public static Set<String> words(KnowledgeItem item) {
        Set<String> out = new LinkedHashSet<>();
        addWords(item.title(), out);
        addWords(item.textContent(), out);
        for (String tag : item.tags()) {
            addWords(tag, out);
        }
        return out;
    }

    private static void addWords(String text, Set<String> out) {
        if (text == null) {
            return;
        }
        int start = -1;
        for (int i = 0; i <= text.length(); ) {
            int cp = i < text.length() ? text.codePointAt(i) : ' ';
            boolean word = i < text.length() && Character.isLetterOrDigit(cp);
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                out.add(text.substring(start, i).toLowerCase(Locale.ROOT));
                start = -1;
            }
            i += i < text.length() ? Character.charCount(cp) : 1;
        }
    }

    /** Cosine similarity in double precision; both vectors non-zero and of equal length. */
    public static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return dot / (Math.sqrt(na) * Math.sqrt(nb));
    }

    /** The keyword score of an item for the query's terms (see the class comment). */
    public static double keyword(List<String> terms, KnowledgeItem item) {
        Set<String> words = words(item);
        int hit = 0;
        for (String term : terms) {
            if (words.contains(term)) {
                hit++;
            }
        }
        return terms.isEmpty() ? 0 : (double) hit / terms.size();
    }

    /** Whether the item is a candidate of a search by this user, model version and filter. */
    public static boolean candidate(KnowledgeItem item, io.plinth.tenancy.UserId userId, String modelVersion,
            KnowledgeFilter filter) {
        return item.userId().equals(userId) && item.embeddingModelVersion().equals(modelVersion) && filter.test(item);
    }

    /**
     * The answer to a nearest search among {@code items}, which must hold every true candidate among
     * the {@code k} best (they may hold more, of any user: non-candidates are dropped here).
     */
    public static List<ScoredItem> nearest(NearestQuery query, Collection<KnowledgeItem> items) {
        float[] vector = query.vector();
        // the k best so far, worst first
        java.util.PriorityQueue<ScoredItem> best = new java.util.PriorityQueue<>(query.k() + 1, ORDER.reversed());
        Set<UUID> seen = new java.util.HashSet<>();
        for (KnowledgeItem item : items) {
            if (candidate(item, query.userId(), query.modelVersion(), query.filter()) && seen.add(item.externalId())) {
                best.add(new ScoredItem(item, cosine(vector, item.vectorShared())));
                if (best.size() > query.k()) {
                    best.poll();
                }
            }
        }
        List<ScoredItem> scored = new ArrayList<>(best);
        scored.sort(ORDER);
        return List.copyOf(scored);
    }

    /** The depth of each list of a hybrid search for {@code k} results. */
    public static int hybridDepth(int k) {
        return Math.max(k, HYBRID_DEPTH);
    }

    /**
     * The answer to a hybrid search, given {@code vectorList}, the nearest search for the query's
     * vector {@link #hybridDepth} deep, and {@code keywordItems}, which must hold every candidate of
     * keyword score above 0 (they may hold more; others are dropped here).
     */
    public static List<ScoredItem> hybrid(HybridQuery query, List<ScoredItem> vectorList, Collection<KnowledgeItem> keywordItems) {
        int depth = hybridDepth(query.k());
        List<String> terms = terms(query.text());
        List<ScoredItem> keywordList = new ArrayList<>();
        Set<UUID> seen = new java.util.HashSet<>();
        for (KnowledgeItem item : keywordItems) {
            if (candidate(item, query.userId(), query.modelVersion(), query.filter()) && seen.add(item.externalId())) {
                double score = keyword(terms, item);
                if (score > 0) {
                    keywordList.add(new ScoredItem(item, score));
                }
            }
        }
        keywordList.sort(ORDER);
        keywordList = keywordList.subList(0, Math.min(depth, keywordList.size()));
        List<ScoredItem> vectors = vectorList.subList(0, Math.min(depth, vectorList.size()));

        double alpha = query.alpha();
        Map<UUID, KnowledgeItem> items = new HashMap<>();
        Map<UUID, Double> fused = new HashMap<>();
        if (alpha > 0) {
            addNormalised(vectors, alpha, items, fused);
        }
        if (alpha < 1) {
            addNormalised(keywordList, 1 - alpha, items, fused);
        }
        List<ScoredItem> out = new ArrayList<>();
        fused.forEach((id, score) -> out.add(new ScoredItem(items.get(id), score)));
        out.sort(ORDER);
        return List.copyOf(out.subList(0, Math.min(query.k(), out.size())));
    }

    private static void addNormalised(List<ScoredItem> list, double weight, Map<UUID, KnowledgeItem> items,
            Map<UUID, Double> fused) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (ScoredItem s : list) {
            min = Math.min(min, s.score());
            max = Math.max(max, s.score());
        }
        for (ScoredItem s : list) {
            double normalised = max > min ? (s.score() - min) / (max - min) : 1.0;
            UUID id = s.item().externalId();
            items.put(id, s.item());
            fused.merge(id, weight * normalised, Double::sum);
        }
    }

    /**
     * The error of an upsert of a source already indexed for another user: a
     * {@link io.plinth.core.ConflictException} naming the source only.
     */
    public static io.plinth.core.ConflictException sourceOfAnotherUser(KnowledgeItem item) {
        return new io.plinth.core.ConflictException("source " + item.sourceEntityType().spelling() + " "
                + item.sourceEntityId() + " is indexed for another user");
    }

    /**
     * The error of a vector whose dimensions differ from those of the stored items of its model
     * version: an {@link InvalidInputException} on {@code vector} naming both.
     */
    public static InvalidInputException dimensionMismatch(String modelVersion, int stored, int given) {
        return new InvalidInputException("vector", "has " + given + " dimensions, but items of embedding model version '"
                + modelVersion + "' have " + stored);
    }

    /**
     * Why an index refuses to write {@code item}, or null when it may: the item's source belongs to
     * another user ({@code owner}, the user id text of the item stored under the same external id, null
     * when there is none), or its vector has other dimensions than the stored items of its model version
     * ({@code storedDimensions}, null when there are none). The one rule every index applies per item.
     */
    public static io.plinth.core.PlinthException refusal(KnowledgeItem item, String owner, Integer storedDimensions) {
        if (owner != null && !owner.equals(item.userId().toString())) {
            return sourceOfAnotherUser(item);
        }
        if (storedDimensions != null && storedDimensions != item.dimensions()) {
            return dimensionMismatch(item.embeddingModelVersion(), storedDimensions, item.dimensions());
        }
        return null;
    }
}
