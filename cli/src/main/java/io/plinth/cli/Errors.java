package io.plinth.cli;

import io.plinth.core.ConflictException;
import io.plinth.core.InsufficientFundsException;
import io.plinth.core.InvalidInputException;
import io.plinth.core.NotFoundException;
import io.plinth.core.PlinthException;
import io.plinth.core.RetryableException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns every failure into one line on stderr. Execution failures exit with 1, usage mistakes
 * with 2; neither prints a stack trace.
 */
final class Errors implements IExecutionExceptionHandler, IParameterExceptionHandler {
    static final int FAILED = 1;
    static final int USAGE = 2;

    @Override
    public int handleExecutionException(Exception ex, CommandLine cli, ParseResult parsed) {
        cli.getErr().println(prefix(cli) + describe(ex));
        cli.getErr().flush();
        return FAILED;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cli = ex.getCommandLine();
        cli.getErr().println(prefix(cli) + firstLine(ex.getMessage())
                + " (see '" + cli.getCommandSpec().qualifiedName() + " --help')");
        cli.getErr().flush();
        return USAGE;
    }

    private static String prefix(CommandLine cli) {
        return cli.getCommandSpec().qualifiedName() + ": ";
    }

    /** One line saying what went wrong, in the words most useful to the person at the terminal. */
    static String describe(Throwable ex) {
        if (ex instanceof PlinthException plinth && !(ex instanceof RetryableException)) {
            return kind(plinth) + firstLine(plinth.getMessage());
        }
        // Connection problems arrive wrapped (Flyway, Hikari, Plinth's retryable error): the
        // driver's own message ("Connection to host:port refused ...") is the clearest.
        SQLException sql = null;
        Throwable root = ex;
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                sql = s;
            }
            root = t;
            if (t.getCause() == t) {
                break;
            }
        }
        if (sql != null) {
            String state = sql.getSQLState() == null ? "" : " [SQLState " + sql.getSQLState() + "]";
            String detail = sql.getCause() instanceof UnknownHostException host ? " (unknown host " + host.getMessage() + ")" : "";
            return firstLine(sql.getMessage()) + detail + state;
        }
        if (ex instanceof PlinthException plinth) {
            return kind(plinth) + firstLine(plinth.getMessage());
        }
        String message = firstLine(root.getMessage());
        return message.isEmpty() ? root.getClass().getSimpleName() : message;
    }

    private static String kind(PlinthException ex) {
        if (ex instanceof NotFoundException) {
            return "not found: ";
        } else if (ex instanceof ConflictException) {
            return "conflict: ";
        } else if (ex instanceof InvalidInputException) {
            return "invalid input: ";
        } else if (ex instanceof InsufficientFundsException) {
            return "insufficient funds: ";
        } else if (ex instanceof RetryableException) {
            return "gave up after retries: ";
        }
        return "";
    }

    static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String trimmed = message.strip();
        int newline = trimmed.indexOf('\n');
        return (newline < 0 ? trimmed : trimmed.substring(0, newline)).strip();
    }
}
