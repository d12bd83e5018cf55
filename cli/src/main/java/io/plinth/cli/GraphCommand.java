package io.plinth.cli;

import io.plinth.graph.neo4j.Neo4jGraphStore;
import io.plinth.graph.neo4j.Projector;
import io.plinth.postgres.PostgresStore;
import io.plinth.tenancy.UserId;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code plinth graph}: the Neo4j knowledge graph projected from PostgreSQL. */
@Command(name = "graph", mixinStandardHelpOptions = true,
        description = "Commands on the Neo4j knowledge graph projected from a PostgreSQL database.",
        subcommands = {GraphCommand.Verify.class, GraphCommand.Rebuild.class})
final class GraphCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The options naming both databases. */
    static final class Databases {
        @Option(names = "--jdbc-url", required = true, paramLabel = "URL",
                description = "The PostgreSQL database, e.g. jdbc:postgresql://127.0.0.1:5432/app?user=postgres "
                        + "(its schema is migrated first).")
        String jdbcUrl;

        @Mixin
        Connection connection;

        @Option(names = "--neo4j-url", required = true, paramLabel = "URL",
                description = "The Neo4j database, e.g. neo4j://127.0.0.1:7687 (its schema is applied first).")
        String neo4jUrl;

        @Option(names = "--neo4j-user", paramLabel = "USER", description = "Neo4j user (default neo4j when a password is given).")
        String neo4jUser;

        @Option(names = "--neo4j-password", paramLabel = "PASSWORD", description = "Neo4j password (or set NEO4J_PASSWORD).")
        String neo4jPassword;

        PostgresStore postgres() {
            return connection.store(jdbcUrl).maximumPoolSize(2).migrate(true).build();
        }

        Neo4jGraphStore neo4j() {
            String password = neo4jPassword != null ? neo4jPassword : System.getenv("NEO4J_PASSWORD");
            if (password == null && neo4jUser == null) {
                return Neo4jGraphStore.open(neo4jUrl);
            }
            return Neo4jGraphStore.open(neo4jUrl, neo4jUser == null ? "neo4j" : neo4jUser, password == null ? "" : password);
        }

        String described() {
            return Connection.redact(jdbcUrl) + " and " + neo4jUrl.replaceFirst("://[^/@]*@", "://");
        }
    }

    /** {@code plinth graph verify}: lists every difference between Neo4j and PostgreSQL; exit code 1 when there is one. */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Compares the graph in Neo4j with PostgreSQL, node by node and edge by edge, every property "
                    + "included. Run it when the projector has caught up.",
                    "Prints 'graph OK', or each missing, extra or different node and edge on a line of its own; exits "
                            + "with 0 when they are equal, 1 when they are not."})
    static final class Verify implements Callable<Integer> {
        /** Exit code when the graph differs from PostgreSQL. */
        static final int DIFFERENCES = 1;

        @Spec
        CommandSpec spec;

        @Mixin
        Databases databases;

        @Override
        public Integer call() {
            List<String> differences;
            try (PostgresStore pg = databases.postgres(); Neo4jGraphStore graph = databases.neo4j()) {
                differences = graph.verifier(pg.outbox()).verify();
            }
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%s: compared%n", databases.described());
            if (differences.isEmpty()) {
                out.println("graph OK");
            } else {
                out.printf("graph has %d difference%s:%n", differences.size(), differences.size() == 1 ? "" : "s");
                differences.forEach(out::println);
            }
            out.flush();
            return differences.isEmpty() ? 0 : DIFFERENCES;
        }
    }

    /** {@code plinth graph rebuild}: re-projects one user, or everything, from PostgreSQL into Neo4j. */
    @Command(name = "rebuild", mixinStandardHelpOptions = true,
            description = "Re-projects one user's graph, or every user's, from PostgreSQL into Neo4j (removing the "
                    + "nodes of users that are gone). Safe while the projector runs.")
    static final class Rebuild implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Databases databases;

        @Option(names = "--user-id", paramLabel = "ID", description = "The user to rebuild (default: every user).")
        String userId;

        @Override
        public Integer call() {
            UserId user = userId == null ? null : UserId.parse(userId);
            try (PostgresStore pg = databases.postgres(); Neo4jGraphStore graph = databases.neo4j()) {
                Projector projector = graph.projector(pg.outbox());
                if (user == null) {
                    projector.rebuildAll();
                } else {
                    projector.rebuild(user);
                }
            }
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%s: rebuilt %s%n", databases.described(), user == null ? "every user" : "user " + user);
            out.flush();
            return 0;
        }
    }
}
