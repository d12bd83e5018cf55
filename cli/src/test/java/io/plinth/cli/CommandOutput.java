package io.plinth.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the plinth command in-process and keeps what it printed. */
record CommandOutput(int exitCode, String out, String err) {
    static CommandOutput run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new CommandOutput(code, out.toString(), err.toString());
    }
}
