package io.plinth.cli;

import io.plinth.vector.bench.VectorBench;
import java.io.PrintWriter;
import java.net.URI;
import java.util.concurrent.Callable;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code plinth bench vector}: see {@link VectorBench}. */
@Command(name = "vector", mixinStandardHelpOptions = true,
        description = {"Seed 004's UserKnowledgeItem on a Neo4j vector index: --items clustered synthetic vectors of "
                + "--dimensions, written in batches of --batch by hand-written driver calls (UNWIND ... MERGE ... SET) "
                + "and through Plinth's Neo4jSemanticIndex.upsertAll; then --queries nearest searches (k = 10), "
                + "unfiltered and filtered, through the vector index and by the exact in-memory scan.",
                "The figures line is: recall@10=<r> (filtered <r>) neo4j q/s=... exact q/s=... upsert items/s=<plinth> "
                        + "baseline items/s=<baseline> ratio=<plinth/baseline>. Targets: recall@10 >= 0.95, ratio >= 0.8; a WARNING line after it names a target missed.",
                "Writes to the database: deletes every :UserKnowledgeItem and :BenchKnowledgeItem node first, "
                        + "and leaves the ones it wrote."})
final class VectorBenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--neo4j-url", required = true, paramLabel = "URL", description = "The Neo4j server, e.g. bolt://127.0.0.1:7687.")
    String url;

    @Option(names = "--neo4j-user", paramLabel = "USER", description = "Neo4j user; the password is read from NEO4J_PASSWORD. "
            + "Without a user, no authentication.")
    String user;

    @Option(names = "--items", paramLabel = "N", defaultValue = "100000", description = "Items (default: ${DEFAULT-VALUE}).")
    int items;

    @Option(names = "--dimensions", paramLabel = "D", defaultValue = "384", description = "Vector dimensions (default: ${DEFAULT-VALUE}).")
    int dimensions;

    @Option(names = "--batch", paramLabel = "B", defaultValue = "1000", description = "Items per upsert (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--queries", paramLabel = "Q", defaultValue = "200", description = "Queries of each kind (default: ${DEFAULT-VALUE}).")
    int queries;

    @Override
    public Integer call() {
        range("--items", items, 10, 10_000_000);
        range("--dimensions", dimensions, 2, 4096);
        range("--batch", batch, 1, 100_000);
        range("--queries", queries, 1, 100_000);
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--neo4j-url must look like bolt://HOST:PORT");
        }
        if (uri.getUserInfo() != null) {
            throw new ParameterException(spec.commandLine(), "--neo4j-url must not hold credentials: use --neo4j-user and NEO4J_PASSWORD");
        }
        var auth = user == null ? AuthTokens.none() : AuthTokens.basic(user, String.valueOf(System.getenv("NEO4J_PASSWORD")));
        PrintWriter out = spec.commandLine().getOut();
        try (Driver driver = GraphDatabase.driver(uri, auth)) {
            VectorBench.Outcome outcome = new VectorBench(driver, new VectorBench.Settings(items, dimensions, batch, queries, 42), out).run();
            if (outcome.recallUnfiltered() < 0.95 || outcome.recallFiltered() < 0.95) {
                out.println("WARNING: recall@10 below the 0.95 target");
            }
            if (outcome.upsertRatio() < 0.8) {
                out.println("WARNING: batch upsert ratio below the 0.8 target");
            }
        }
        return 0;
    }

    private void range(String option, int value, int least, int most) {
        if (value < least || value > most) {
            throw new ParameterException(spec.commandLine(), option + " must be between " + least + " and " + most + ", got " + value);
        }
    }
}
