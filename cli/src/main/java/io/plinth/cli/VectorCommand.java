package io.plinth.cli;

import io.plinth.postgres.PostgresStore;
import io.plinth.vector.feed.VectorDifference;
import io.plinth.vector.feed.VectorVerifier;
import io.plinth.vector.minilm.MiniLmEmbedder;
import io.plinth.vector.neo4j.Neo4jSemanticIndex;
import java.io.PrintWriter;
import java.net.URI;
import java.util.List;
import java.util.concurrent.Callable;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code plinth vector}: the semantic index fed from PostgreSQL. */
@Command(name = "vector", mixinStandardHelpOptions = true,
        description = "Commands on the vector index (seed 004's UserKnowledgeItem) fed from a PostgreSQL database.",
        subcommands = {VectorCommand.Verify.class})
final class VectorCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code plinth vector verify}: lists every item missing, stale or orphaned; exit code 1 when there is one. */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Compares the items of a Neo4j vector index with what PostgreSQL's rows give now (the mapping "
                    + "of docs/vector.md): an item missing, stale (its text, title, model version, user, creation time, "
                    + "importance or tags differ) or orphaned (no row gives it). Run it when the feed has caught up.",
                    "Prints 'vector index OK', or each difference on a line of its own (naming the source and the fields, "
                            + "never their text); exits with 0 when they agree, 1 when they do not."})
    static final class Verify implements Callable<Integer> {
        /** Exit code when the index differs from PostgreSQL. */
        static final int DIFFERENCES = 1;

        @Spec
        CommandSpec spec;

        @Option(names = "--jdbc-url", required = true, paramLabel = "URL",
                description = "The PostgreSQL database, e.g. jdbc:postgresql://127.0.0.1:5432/app?user=postgres "
                        + "(its schema is migrated first).")
        String jdbcUrl;

        @Mixin
        Connection connection;

        @Option(names = "--neo4j-url", required = true, paramLabel = "URL",
                description = "The Neo4j server holding the index, e.g. bolt://127.0.0.1:7687.")
        String neo4jUrl;

        @Option(names = "--neo4j-user", paramLabel = "USER", description = "Neo4j user; the password is read from "
                + "NEO4J_PASSWORD. Without a user, no authentication.")
        String neo4jUser;

        @Option(names = "--model", paramLabel = "VERSION", defaultValue = MiniLmEmbedder.MODEL_VERSION,
                description = "The embedding model version the items should carry (default: ${DEFAULT-VALUE}).")
        String model;

        @Override
        public Integer call() {
            URI uri;
            try {
                uri = URI.create(neo4jUrl);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--neo4j-url must look like bolt://HOST:PORT");
            }
            if (uri.getUserInfo() != null) {
                throw new UsageException("--neo4j-url must not hold credentials: use --neo4j-user and NEO4J_PASSWORD");
            }
            var auth = neo4jUser == null ? AuthTokens.none()
                    : AuthTokens.basic(neo4jUser, String.valueOf(System.getenv("NEO4J_PASSWORD")));
            List<VectorDifference> differences;
            try (PostgresStore pg = connection.store(jdbcUrl).maximumPoolSize(2).migrate(true).build();
                 Driver driver = GraphDatabase.driver(uri, auth);
                 Neo4jSemanticIndex index = Neo4jSemanticIndex.builder(driver).build()) {
                differences = new VectorVerifier(pg.outbox(), index, model).verify();
            }
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%s and %s: compared%n", Connection.redact(jdbcUrl), uri);
            if (differences.isEmpty()) {
                out.println("vector index OK");
            } else {
                out.printf("vector index has %d difference%s:%n", differences.size(), differences.size() == 1 ? "" : "s");
                differences.forEach(out::println);
            }
            out.flush();
            return differences.isEmpty() ? 0 : DIFFERENCES;
        }
    }
}
