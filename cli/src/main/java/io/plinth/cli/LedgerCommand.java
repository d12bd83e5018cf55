package io.plinth.cli;

import io.plinth.ledger.LedgerReport;
import io.plinth.postgres.PostgresStore;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code plinth ledger}: commands on the Obelisk Pay ledger of an existing database. */
@Command(name = "ledger", mixinStandardHelpOptions = true,
        description = "Commands on the Obelisk Pay ledger of an existing database.",
        subcommands = LedgerCommand.Verify.class)
final class LedgerCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code plinth ledger verify}: checks every invariant of the ledger; exit code 1 when one is broken. */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Checks the whole ledger: every transfer balances, every balance equals the sum of its "
                    + "entries and every running balance adds up, every reserved amount belongs to a live pending "
                    + "transfer, no account is below its limit.",
                    "Prints what it counted and 'ledger OK', or each problem on a line of its own; exits with 0 "
                            + "when the ledger is sound, 1 when it is not."})
    static final class Verify implements Callable<Integer> {
        /** Exit code when the ledger has problems. */
        static final int PROBLEMS = 1;

        @Spec
        CommandSpec spec;

        @Option(names = "--jdbc-url", required = true, paramLabel = "URL",
                description = "The database, e.g. jdbc:postgresql://127.0.0.1:5432/app?user=postgres "
                        + "(its schema is migrated first).")
        String jdbcUrl;

        @Mixin
        Connection connection;

        @Override
        public Integer call() {
            LedgerReport report;
            try (PostgresStore store = connection.store(jdbcUrl).maximumPoolSize(2).migrate(true).build()) {
                report = store.ledger().verify();
            }
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%s: checked %d account%s, %d transfer%s, %d entr%s%n", Connection.redact(jdbcUrl),
                    report.accounts(), report.accounts() == 1 ? "" : "s",
                    report.transfers(), report.transfers() == 1 ? "" : "s",
                    report.entries(), report.entries() == 1 ? "y" : "ies");
            if (report.ok()) {
                out.println("ledger OK");
            } else {
                out.printf("ledger has %d problem%s:%n", report.problems().size(), report.problems().size() == 1 ? "" : "s");
                report.problems().forEach(out::println);
            }
            out.flush();
            return report.ok() ? 0 : PROBLEMS;
        }
    }
}
