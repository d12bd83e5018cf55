package io.plinth.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code plinth} command. */
@Command(name = "plinth",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Plinth: the data layer of AI-agent platforms (PostgreSQL system of record, in-memory test kit).",
        exitCodeListHeading = "%nExit codes (every command):%n",
        exitCodeList = {
            "0:done (for 'ledger verify': the ledger is sound)",
            "1:the command ran and failed: the database cannot be reached or refuses, a migration fails, "
                    + "'ledger verify' found problems, a bench's check failed (one line on stderr says what)",
            "2:the command was called wrongly, and did nothing: an unknown command or option, a missing "
                    + "option, or a bad option value such as a --jdbc-url that is not a PostgreSQL JDBC URL or a "
                    + "bad --schema (one line on stderr says which, and names the command's --help)"},
        subcommands = {DemoCommand.class, MigrateCommand.class, LedgerCommand.class, GraphCommand.class, VectorCommand.class, BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with Plinth's error handling: one line on stderr, exit code 1, no stack trace. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler(new Errors());
        cli.setParameterExceptionHandler(new Errors());
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"plinth " + (version == null ? "(development build)" : version)};
        }
    }
}
