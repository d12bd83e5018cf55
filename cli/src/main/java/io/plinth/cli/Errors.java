package io.plinth.cli;

import io.plinth.core.ConflictException;
import io.plinth.core.InsufficientFundsException;
import io.plinth.core.InvalidInputException;
import io.plinth.core.MigrationException;
import io.plinth.core.NotFoundException;
import io.plinth.core.PlinthException;
import io.plinth.core.RetryableException;
import io.plinth.core.StoreUnavailableException;
import io.plinth.postgres.sql.DatabaseFailure;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns every failure into one line on stderr, and into the exit codes {@code plinth --help} lists:
 * {@link #FAILED} (1) when the command ran and failed, {@link #USAGE} (2) when it was called wrongly —
 * picocli's parse errors and a {@link UsageException} (a bad option value, such as a URL that is not a
 * PostgreSQL JDBC URL) alike, with the command's help named. Neither prints a stack trace.
 */
final class Errors implements IExecutionExceptionHandler, IParameterExceptionHandler {
    static final int FAILED = 1;
    static final int USAGE = 2;
    /** An option that may take a secret: {@code --password}, {@code --pasword=…}, {@code --api-key}. */
    private static final Pattern SECRET_OPTION =
            Pattern.compile("(?i)-{1,2}[\\w-]*(?:pas|pwd|secret|token|key)[\\w-]*(?:=(.*))?");
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)password=([^&;#]*)");
    private static final Pattern USER_INFO = Pattern.compile("//[^/@?#]*?:([^/@?#]*)@");

    @Override
    public int handleExecutionException(Exception ex, CommandLine cli, ParseResult parsed) {
        if (ex instanceof UsageException) {
            return usage(cli, ex.getMessage(), parsed.originalArgs().toArray(String[]::new));
        }
        cli.getErr().println(scrub(prefix(cli) + describe(ex), parsed.originalArgs().toArray(String[]::new)));
        cli.getErr().flush();
        return FAILED;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        String message = firstLine(ex.getMessage());
        if (ex instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
            // "plinth migrat": picocli's suggestions are the subcommands (or options) spelled like it,
            // the likeliest first; one is clearer than a list ("migrate or graph")
            String prefix = ex.getCommandLine().getCommandSpec().qualifiedName() + " ";
            String best = unmatched.getSuggestions().get(0);
            message += "; did you mean '" + (best.startsWith("-") ? best : prefix + best) + "'?";
        }
        return usage(ex.getCommandLine(), message, args);
    }

    private static int usage(CommandLine cli, String message, String[] args) {
        cli.getErr().println(scrub(prefix(cli) + firstLine(message)
                + " (see '" + cli.getCommandSpec().qualifiedName() + " --help')", args));
        cli.getErr().flush();
        return USAGE;
    }

    private static String prefix(CommandLine cli) {
        return cli.getCommandSpec().qualifiedName() + ": ";
    }

    /**
     * One line saying what went wrong, in the words most useful to the person at the terminal: a
     * Plinth error in its own words; anything from the database, the driver, the pool or Flyway
     * (also when it reached here inside a retryable, unavailable-store or migration error)
     * through the same sanitising as the store's errors ({@link DatabaseFailure#describe}: the
     * SQLState and the first line of the message, never a row's values or a URL's password).
     */
    static String describe(Throwable ex) {
        if (ex instanceof PlinthException plinth && !(ex instanceof RetryableException
                || ex instanceof StoreUnavailableException || ex instanceof MigrationException)) {
            return kind(plinth) + firstLine(plinth.getMessage());
        }
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException) {
                // connection problems arrive wrapped (Flyway, Hikari, Plinth's retryable error): the
                // driver's own words ("Connection to host:port refused ...") are the clearest
                return DatabaseFailure.describe(ex);
            }
        }
        if (ex instanceof PlinthException plinth) {
            return kind(plinth) + firstLine(plinth.getMessage());
        }
        return DatabaseFailure.describe(ex);
    }

    /**
     * The line with every secret given on the command line taken out, whatever printed it: the
     * value of {@code --password} (or of an option spelled like it, a typo included), the
     * {@code password=} and user-info of a URL, and {@code PGPASSWORD}.
     */
    static String scrub(String line, String... args) {
        List<String> secrets = new ArrayList<>();
        for (String variable : List.of("PGPASSWORD", "NEO4J_PASSWORD")) {
            String env = System.getenv(variable);
            if (env != null) {
                secrets.add(env);
            }
        }
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg == null) {
                continue;
            }
            Matcher option = SECRET_OPTION.matcher(arg);
            if (option.matches()) {
                if (option.group(1) != null) {
                    secrets.add(option.group(1));
                } else if (i + 1 < args.length) {
                    secrets.add(args[i + 1]);
                }
            }
            Matcher parameter = PASSWORD_PARAMETER.matcher(arg);
            while (parameter.find()) {
                secrets.add(parameter.group(1));
                secrets.add(URLDecoder.decode(parameter.group(1), StandardCharsets.UTF_8));
            }
            Matcher userInfo = USER_INFO.matcher(arg);
            if (userInfo.find()) {
                secrets.add(userInfo.group(1));
            }
        }
        String out = DatabaseFailure.redact(line);
        for (String secret : secrets) {
            if (secret != null && !secret.isEmpty()) {
                out = out.replace(secret, "…");
            }
        }
        return out;
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
