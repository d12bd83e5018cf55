package io.plinth.vector.bench;

import io.plinth.tenancy.UserId;
import io.plinth.vector.KnowledgeFilter;
import io.plinth.vector.KnowledgeItem;
import io.plinth.vector.NearestQuery;
import io.plinth.vector.Ranking;
import io.plinth.vector.ScoredItem;
import io.plinth.vector.SourceEntityType;
import io.plinth.vector.UpsertResult;
import io.plinth.vector.neo4j.Neo4jSemanticIndex;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Values;

/**
 * The vector benchmark: {@code items} clustered synthetic vectors of {@code dimensions}, owned by one
 * user, written to Neo4j twice — by hand-written driver calls ({@code UNWIND … MERGE … SET}, label
 * {@code BenchKnowledgeItem} with the same constraint and vector index) and through
 * {@link Neo4jSemanticIndex#upsertAll} — in batches of {@code batch}; then {@code queries} nearest
 * searches (k = 10), unfiltered and filtered (one source type of five and importance ≥ 0.5), through
 * the Neo4j vector index and by the exact in-memory scan ({@link Ranking#nearest} over every item),
 * reporting recall@10 of Neo4j against exact search and queries/s of both. Deletes its nodes first.
 */
public final class VectorBench {
    /** The settings of one run. */
    public record Settings(int items, int dimensions, int batch, int queries, long seed) {
    }

    /** What one run measured. */
    public record Outcome(double baselineItemsPerSecond, double plinthItemsPerSecond, double recallUnfiltered,
            double recallFiltered, double neo4jQps, double exactQps, double neo4jFilteredQps, double exactFilteredQps) {
        /** Plinth's batch upsert rate over the hand-written one. */
        public double upsertRatio() {
            return plinthItemsPerSecond / baselineItemsPerSecond;
        }
    }

    private static final String MODEL = "bench-synthetic";
    private static final String BASELINE_LABEL = "BenchKnowledgeItem";

    private final Driver driver;
    private final Settings settings;
    private final PrintWriter out;

    public VectorBench(Driver driver, Settings settings, PrintWriter out) {
        this.driver = driver;
        this.settings = settings;
        this.out = out;
    }

    /** Runs the benchmark and prints its progress and a last line of figures. */
    public Outcome run() {
        Random random = new Random(settings.seed());
        UserId user = UserId.generate();
        List<KnowledgeItem> items = items(random, user);
        clear();
        double baseline = baselineUpsert(items);
        Neo4jSemanticIndex index = Neo4jSemanticIndex.builder(driver).exactScanBelow(0).build();
        double plinth = plinthUpsert(index, items);
        say("batch upsert: hand-written %.0f items/s, Plinth %.0f items/s, ratio %.2f", baseline, plinth, plinth / baseline);

        List<float[]> queries = new ArrayList<>();
        for (int q = 0; q < settings.queries(); q++) {
            queries.add(near(random, centres(random)));
        }
        KnowledgeFilter filtered = KnowledgeFilter.ANY.withSourceTypes(SourceEntityType.CONCEPT).withMinImportance(0.5);
        double[] unfiltered = measure(index, items, user, queries, KnowledgeFilter.ANY);
        double[] withFilter = measure(index, items, user, queries, filtered);
        Outcome outcome = new Outcome(baseline, plinth, unfiltered[0], withFilter[0], unfiltered[1], unfiltered[2],
                withFilter[1], withFilter[2]);
        say("recall@10=%.3f (filtered %.3f) neo4j q/s=%.1f (filtered %.1f) exact q/s=%.1f (filtered %.1f) "
                + "upsert items/s=%.0f baseline items/s=%.0f ratio=%.2f",
                outcome.recallUnfiltered(), outcome.recallFiltered(), outcome.neo4jQps(), outcome.neo4jFilteredQps(),
                outcome.exactQps(), outcome.exactFilteredQps(), plinth, baseline, outcome.upsertRatio());
        return outcome;
    }

    private float[][] centresCache;

    private float[][] centres(Random random) {
        if (centresCache == null) {
            centresCache = new float[100][settings.dimensions()];
            for (float[] c : centresCache) {
                for (int d = 0; d < c.length; d++) {
                    c[d] = (float) random.nextGaussian();
                }
            }
        }
        return centresCache;
    }

    private float[] near(Random random, float[][] centres) {
        float[] c = centres[random.nextInt(centres.length)];
        float[] v = new float[c.length];
        for (int d = 0; d < v.length; d++) {
            v[d] = c[d] + (float) (0.5 * random.nextGaussian());
        }
        return v;
    }

    private List<KnowledgeItem> items(Random random, UserId user) {
        float[][] centres = centres(random);
        List<KnowledgeItem> items = new ArrayList<>(settings.items());
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < settings.items(); i++) {
            items.add(KnowledgeItem.of(user, SourceEntityType.values()[i % 5], UUID.randomUUID(), "item " + i, null, MODEL,
                    t0.plusSeconds(i), random.nextInt(10) / 10.0, List.of("t" + (i % 7)), near(random, centres)));
        }
        return items;
    }

    private void clear() {
        try (var s = driver.session()) {
            for (String label : List.of(Neo4jSemanticIndex.LABEL, BASELINE_LABEL)) {
                s.run("MATCH (n:" + label + ") CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume();
            }
            s.run("CREATE CONSTRAINT bench_knowledge_item_external_id IF NOT EXISTS FOR (n:" + BASELINE_LABEL
                    + ") REQUIRE n.externalId IS UNIQUE").consume();
            s.run("CREATE VECTOR INDEX bench_knowledge_item_vector IF NOT EXISTS FOR (n:" + BASELINE_LABEL + ") ON n.vector"
                    + " OPTIONS {indexConfig: {`vector.dimensions`: " + settings.dimensions()
                    + ", `vector.similarity_function`: 'cosine'}}").consume();
            s.run("CALL db.awaitIndexes(300)").consume();
        }
    }

    private double baselineUpsert(List<KnowledgeItem> items) {
        long start = System.nanoTime();
        for (int i = 0; i < items.size(); i += settings.batch()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (KnowledgeItem item : items.subList(i, Math.min(items.size(), i + settings.batch()))) {
                Map<String, Object> row = new HashMap<>();
                row.put("externalId", item.externalId().toString());
                row.put("userId", item.userId().toString());
                row.put("sourceEntityType", item.sourceEntityType().spelling());
                row.put("sourceEntityId", item.sourceEntityId().toString());
                row.put("textContent", item.textContent());
                row.put("embeddingModelVersion", item.embeddingModelVersion());
                row.put("createdAt", java.time.OffsetDateTime.ofInstant(item.createdAt(), java.time.ZoneOffset.UTC));
                row.put("importanceScore", item.importanceScore());
                row.put("tags", item.tags());
                row.put("vector", item.vector());
                rows.add(row);
            }
            try (var s = driver.session()) {
                s.executeWrite(tx -> tx.run("UNWIND $rows AS row MERGE (n:" + BASELINE_LABEL + " {externalId: row.externalId}) SET n = row",
                        Values.parameters("rows", rows)).consume());
            }
            progress("hand-written", i + settings.batch(), start);
        }
        return items.size() / seconds(start);
    }

    private double plinthUpsert(Neo4jSemanticIndex index, List<KnowledgeItem> items) {
        long start = System.nanoTime();
        for (int i = 0; i < items.size(); i += settings.batch()) {
            List<UpsertResult> results = index.upsertAll(items.subList(i, Math.min(items.size(), i + settings.batch())));
            if (!results.stream().allMatch(UpsertResult::ok)) {
                throw new IllegalStateException("an item was refused: " + results.stream().filter(r -> !r.ok()).findFirst().orElseThrow());
            }
            progress("Plinth", i + settings.batch(), start);
        }
        return items.size() / seconds(start);
    }

    /** Recall@10 of Neo4j against exact, Neo4j q/s, exact q/s. */
    private double[] measure(Neo4jSemanticIndex index, List<KnowledgeItem> items, UserId user, List<float[]> queries,
            KnowledgeFilter filter) {
        List<List<ScoredItem>> exact = new ArrayList<>();
        long start = System.nanoTime();
        for (float[] q : queries) {
            exact.add(Ranking.nearest(new NearestQuery(user, MODEL, q, 10, filter), items));
        }
        double exactQps = queries.size() / seconds(start);
        // one warm-up pass, then the measured one
        for (float[] q : queries.subList(0, Math.min(20, queries.size()))) {
            index.nearest(new NearestQuery(user, MODEL, q, 10, filter));
        }
        start = System.nanoTime();
        double found = 0;
        for (int i = 0; i < queries.size(); i++) {
            List<ScoredItem> approximate = index.nearest(new NearestQuery(user, MODEL, queries.get(i), 10, filter));
            Set<UUID> truth = new HashSet<>();
            exact.get(i).forEach(s -> truth.add(s.item().externalId()));
            found += approximate.stream().filter(s -> truth.contains(s.item().externalId())).count() / (double) truth.size();
        }
        double neo4jQps = queries.size() / seconds(start);
        say("%s: recall@10 %.3f, Neo4j %.1f q/s, exact scan %.1f q/s", filter == KnowledgeFilter.ANY ? "unfiltered" : "filtered",
                found / queries.size(), neo4jQps, exactQps);
        return new double[] {found / queries.size(), neo4jQps, exactQps};
    }

    private void progress(String side, int done, long start) {
        int step = Math.max(settings.batch(), settings.items() / 10 / settings.batch() * settings.batch());
        if (done % step == 0 || done >= settings.items()) {
            say("%s: %d items, %.0f items/s", side, Math.min(done, settings.items()), Math.min(done, settings.items()) / seconds(start));
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private void say(String format, Object... args) {
        out.println(String.format(java.util.Locale.ROOT, format, args));
        out.flush();
    }
}
