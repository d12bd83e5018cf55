package io.plinth.cli;

import io.plinth.cli.bench.BenchSettings;
import io.plinth.cli.bench.CrudBench;
import io.plinth.cli.bench.GraphBench;
import io.plinth.graph.neo4j.Projector;
import io.plinth.cli.bench.LedgerBench;
import io.plinth.cli.bench.PlinthTransfers;
import io.plinth.ledger.Ledger;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code plinth bench}: Plinth measured against hand-written JDBC on the same database. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks: Plinth measured against the minimal hand-written JDBC code doing the same work, "
                + "in one invocation on one database with the same number of clients.",
        subcommands = {BenchCommand.LedgerBenchCommand.class, BenchCommand.CrudBenchCommand.class, VectorBenchCommand.class,
                BenchCommand.GraphBenchCommand.class})
final class BenchCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code plinth bench ledger}: see {@link LedgerBench}. */
    @Command(name = "ledger", mixinStandardHelpOptions = true,
            description = {"Random transfers between --accounts accounts by --clients concurrent clients, through two "
                    + "sides: the minimal hand-written JDBC double-entry transfer (lock both accounts in id order, "
                    + "update two balances, insert two entries, commit) on tables of its own, and Plinth's ledger. "
                    + "Each side runs --seconds in all, in rounds of baseline, Plinth, Plinth, baseline, each round "
                    + "after a warm-up, printing its progress every second. Both sides are checked afterwards.",
                    "The last line is: transfers/s=<plinth> baseline transfers/s=<baseline> ratio=<plinth/baseline>; "
                            + "the exit code is 1 when a check failed (a WARNING line says which).",
                    "Writes to the database: a fresh workspace, accounts and transfers per run (kept), and the "
                            + "tables plinth_bench_accounts and plinth_bench_entries (dropped and made anew per run)."})
    static final class LedgerBenchCommand implements Callable<Integer> {
        /** Most accounts a run opens (their starting balances must sum within a long). */
        static final int MAX_ACCOUNTS = 1_000_000;

        @Spec
        CommandSpec spec;

        @Mixin
        Target target;

        @Option(names = "--seconds", paramLabel = "S", defaultValue = "10",
                description = "Measured seconds per side, split over two rounds (one round for 1 s); the "
                        + "warm-ups come on top, and the first line printed says how long the run takes "
                        + "(default: ${DEFAULT-VALUE}).")
        int seconds;

        @Option(names = "--accounts", paramLabel = "N", defaultValue = "1000",
                description = "Accounts to pick two distinct ones from at random; few means hot accounts "
                        + "(default: ${DEFAULT-VALUE}).")
        int accounts;

        @Option(names = "--mode", paramLabel = "MODE", defaultValue = "single",
                description = "How Plinth transfers: single (concurrent transfer calls), each (transferEach of "
                        + "--batch independent transfers) or linked (transferAll of --batch transfers, all or "
                        + "nothing) (default: ${DEFAULT-VALUE}). The baseline always makes single transfers.")
        String mode;

        @Option(names = "--batch", paramLabel = "B", defaultValue = "1",
                description = "Transfers per Plinth call in the each and linked modes (default: ${DEFAULT-VALUE}).")
        int batch;

        @Option(names = "--group-commit", paramLabel = "on|off", defaultValue = "on",
                description = "Whether Plinth's store carries concurrent single transfers together "
                        + "(default: ${DEFAULT-VALUE}).")
        String groupCommit;

        @Option(names = "--warmup", paramLabel = "SECONDS", defaultValue = "10",
                description = "Seconds each round runs before it is measured, long enough for the JIT to "
                        + "compile both sides' code (default: ${DEFAULT-VALUE}).")
        int warmup;

        @Override
        public Integer call() throws Exception {
            atLeast(spec, "--seconds", seconds, 1);
            atLeast(spec, "--accounts", accounts, 2);
            atLeast(spec, "--batch", batch, 1);
            atLeast(spec, "--warmup", warmup, 0);
            atMost("--accounts", accounts, MAX_ACCOUNTS);
            atMost("--batch", batch, Ledger.MAX_BATCH);
            PlinthTransfers.LedgerMode ledgerMode = switch (mode) {
                case "single" -> PlinthTransfers.LedgerMode.SINGLE;
                case "each" -> PlinthTransfers.LedgerMode.EACH;
                case "linked" -> PlinthTransfers.LedgerMode.LINKED;
                default -> throw new ParameterException(spec.commandLine(),
                        "--mode must be single, each or linked, not " + mode);
            };
            if (!groupCommit.equals("on") && !groupCommit.equals("off")) {
                throw new ParameterException(spec.commandLine(), "--group-commit must be on or off, not " + groupCommit);
            }
            if (ledgerMode == PlinthTransfers.LedgerMode.SINGLE && batch != 1) {
                throw new ParameterException(spec.commandLine(), "--batch applies to --mode each or linked");
            }
            LedgerBench.Outcome outcome = new LedgerBench(target.settings(spec, warmup, seconds), accounts, ledgerMode,
                    batch, groupCommit.equals("on"), spec.commandLine().getOut()).run();
            return outcome.checked() ? 0 : Errors.FAILED;
        }

        private void atMost(String option, int value, int most) {
            if (value > most) {
                throw new ParameterException(spec.commandLine(), option + " must be at most " + most + ", got " + value);
            }
        }
    }

    /** {@code plinth bench crud}: see {@link CrudBench}. */
    @Command(name = "crud", mixinStandardHelpOptions = true,
            description = {"The calls every declared model has, on seed 004's memory_units and interaction_logs, by "
                    + "--clients concurrent clients (each with a user of its own, seeded with 1,000 memory units), "
                    + "through two sides: the minimal hand-written JDBC statement for each call, on a HikariCP pool "
                    + "of its own, and the PostgresStore's auto-commit repositories. Operations: get (one memory "
                    + "unit by id, scoped by user), create, update (optimistic, by id, user and version), page (a "
                    + "keyset page of 50) and appendAll (1,000 interaction logs in one call). Each operation runs "
                    + "--seconds per side, in rounds of baseline, Plinth, Plinth, baseline, each round after a "
                    + "warm-up, printing its progress every second.",
                    "Each operation ends with the line: <operation> ops/s=<plinth> baseline ops/s=<baseline> "
                            + "ratio=<plinth/baseline>; after a check that the rows tally with the calls made, these "
                            + "lines are printed again, last. The exit code is 1 when the check failed.",
                    "Writes to the database: fresh users per run with their memory units and interaction logs (kept)."})
    static final class CrudBenchCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Target target;

        @Option(names = "--seconds", paramLabel = "S", defaultValue = "10",
                description = "Measured seconds per side and operation, split over two rounds (one round for 1 s); "
                        + "the warm-ups come on top, and the first line printed says how long the run takes "
                        + "(default: ${DEFAULT-VALUE}).")
        int seconds;

        @Option(names = "--warmup", paramLabel = "SECONDS", defaultValue = "5",
                description = "Seconds each round runs before it is measured (default: ${DEFAULT-VALUE}).")
        int warmup;

        @Option(names = "--operations", paramLabel = "OP", split = ",",
                description = "The operations to compare, in this order (default: all: get, create, update, page, "
                        + "appendAll).")
        List<String> operations;

        @Override
        public Integer call() throws Exception {
            atLeast(spec, "--seconds", seconds, 1);
            atLeast(spec, "--warmup", warmup, 0);
            List<CrudBench.Operation> chosen = operations == null ? List.of(CrudBench.Operation.values())
                    : operations.stream().map(this::operation).toList();
            CrudBench.Outcome outcome = new CrudBench(target.settings(spec, warmup, seconds), chosen,
                    spec.commandLine().getOut()).run();
            return outcome.checked() ? 0 : Errors.FAILED;
        }

        private CrudBench.Operation operation(String name) {
            for (CrudBench.Operation operation : CrudBench.Operation.values()) {
                if (operation.spelling().equals(name)) {
                    return operation;
                }
            }
            throw new ParameterException(spec.commandLine(), "--operations takes get, create, update, page and "
                    + "appendAll, not " + name);
        }
    }

    /** {@code plinth bench graph}: see {@link GraphBench}. */
    @Command(name = "graph", mixinStandardHelpOptions = true,
            description = {"Seed 004's knowledge graph on PostgreSQL and Neo4j: one user with --concepts concepts and "
                    + "--edges weighted RELATED_TO relations between random pairs, and --other-users users with 100 "
                    + "concepts and 500 relations each (written through the repositories; the big user's rows with COPY, "
                    + "which fires the same outbox triggers). Then: the projector drains those outbox records into Neo4j "
                    + "against a hand-written projection (the same rows read from PostgreSQL in pages, one UNWIND ... "
                    + "MERGE per page), after an unmeasured warm-up round of each, in the order Plinth, baseline, baseline, Plinth; then depth-2 neighbourhoods of "
                    + "random concepts by --clients clients through Plinth's Neo4jKnowledgeGraph against the same Cypher "
                    + "written by hand on the driver, and against PostgreSQL's recursive answer, in rounds of baseline, "
                    + "Plinth, Plinth, baseline.",
                    "The last three lines are: neighbourhood, neighbourhood-postgres and projection, each "
                            + "ops/s=<plinth> baseline ops/s=<baseline> ratio=<plinth/baseline> (a projection op is one "
                            + "change). Targets: neighbourhood ratio >= 0.9, projection ratio >= 0.8. The exit code is 1 "
                            + "when a check failed (a WARNING line says which).",
                    "Writes to both databases: fresh users per run with their concepts and relations (kept in "
                            + "PostgreSQL and Neo4j). Use a database of its own: the projection rounds remove the bench "
                            + "users' nodes from Neo4j and project them again."})
    static final class GraphBenchCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Target target;

        @Option(names = "--neo4j-url", required = true, paramLabel = "URL", description = "The Neo4j server, e.g. bolt://127.0.0.1:7687.")
        String neo4jUrl;

        @Option(names = "--neo4j-user", paramLabel = "USER", description = "Neo4j user; the password is read from NEO4J_PASSWORD. "
                + "Without a user, no authentication.")
        String neo4jUser;

        @Option(names = "--concepts", paramLabel = "N", defaultValue = "20000", description = "Concepts of the big user (default: ${DEFAULT-VALUE}).")
        int concepts;

        @Option(names = "--edges", paramLabel = "N", defaultValue = "200000", description = "Relations of the big user (default: ${DEFAULT-VALUE}).")
        int edges;

        @Option(names = "--other-users", paramLabel = "N", defaultValue = "3", description = "Other users (default: ${DEFAULT-VALUE}).")
        int otherUsers;

        @Option(names = "--batch", paramLabel = "B", defaultValue = "" + Projector.DEFAULT_BATCH,
                description = "Records per projector batch and rows per hand-written statement (default: ${DEFAULT-VALUE}).")
        int batch;

        @Option(names = "--limit", paramLabel = "L", defaultValue = "20", description = "Neighbours per query (default: ${DEFAULT-VALUE}).")
        int limit;

        @Option(names = "--seconds", paramLabel = "S", defaultValue = "10",
                description = "Measured seconds per side of each query comparison, split over two rounds (default: ${DEFAULT-VALUE}).")
        int seconds;

        @Option(names = "--warmup", paramLabel = "SECONDS", defaultValue = "5",
                description = "Seconds each query round runs before it is measured (default: ${DEFAULT-VALUE}).")
        int warmup;

        @Override
        public Integer call() throws Exception {
            range("--concepts", concepts, 10, 10_000_000);
            range("--edges", edges, 1, 100_000_000);
            if ((long) edges > (long) concepts * (concepts - 1) / 2) {
                throw new ParameterException(spec.commandLine(), "--edges must be at most half of concepts x (concepts - 1), got " + edges);
            }
            range("--other-users", otherUsers, 0, 100);
            range("--batch", batch, 1, io.plinth.graph.Outbox.MAX_BATCH);
            range("--limit", limit, 1, io.plinth.graph.KnowledgeGraph.MAX_LIMIT);
            atLeast(spec, "--seconds", seconds, 1);
            atLeast(spec, "--warmup", warmup, 0);
            java.net.URI uri;
            try {
                uri = java.net.URI.create(neo4jUrl);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--neo4j-url must look like bolt://HOST:PORT");
            }
            if (uri.getUserInfo() != null) {
                throw new ParameterException(spec.commandLine(), "--neo4j-url must not hold credentials: use --neo4j-user and NEO4J_PASSWORD");
            }
            GraphBench.Outcome outcome = new GraphBench(target.settings(spec, warmup, seconds),
                    new GraphBench.Settings(concepts, edges, otherUsers, batch, limit), neo4jUrl, neo4jUser,
                    neo4jUser == null ? null : String.valueOf(System.getenv("NEO4J_PASSWORD")), spec.commandLine().getOut()).run();
            if (outcome.neighbourhoodRatio() < 0.9) {
                spec.commandLine().getOut().println("WARNING: neighbourhood ratio below the 0.9 target");
            }
            if (outcome.projectionRatio() < 0.8) {
                spec.commandLine().getOut().println("WARNING: projection ratio below the 0.8 target");
            }
            return outcome.checked() ? 0 : Errors.FAILED;
        }

        private void range(String option, int value, int least, int most) {
            if (value < least || value > most) {
                throw new ParameterException(spec.commandLine(), option + " must be between " + least + " and " + most + ", got " + value);
            }
        }
    }

    /** What every bench runs against: the database, how to sign in, and how many clients. */
    static final class Target {
        @Option(names = "--jdbc-url", required = true, paramLabel = "URL",
                description = "The database, e.g. jdbc:postgresql://127.0.0.1:5432/bench?user=postgres "
                        + "(its schema is migrated first).")
        String jdbcUrl;

        @Mixin
        Connection connection;

        @Option(names = "--clients", paramLabel = "C", defaultValue = "8",
                description = "Concurrent clients, and connections per side (default: ${DEFAULT-VALUE}).")
        int clients;

        /** The bench's settings; the URL's password travels as the password, never inside the URL. */
        BenchSettings settings(CommandSpec spec, int warmup, int seconds) {
            io.plinth.postgres.JdbcUrl url = Connection.parsed(jdbcUrl);
            atLeast(spec, "--clients", clients, 1);
            String password = connection.password() != null ? connection.password() : url.password().orElse(null);
            return new BenchSettings(url.withoutSecrets(), connection.user, password, clients, Duration.ofSeconds(warmup),
                    Duration.ofSeconds(seconds), connection.schema());
        }
    }

    private static void atLeast(CommandSpec spec, String option, int value, int least) {
        if (value < least) {
            throw new ParameterException(spec.commandLine(), option + " must be at least " + least + ", got " + value);
        }
    }
}
