package io.plinth.testkit;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Everything a failure can show, and everything printed or logged while it happened: for the tests
 * that a secret never leaves ({@code SecretsTest}, the CLI's). Captures {@code System.out},
 * {@code System.err} (where slf4j-simple writes) and java.util.logging (where pgjdbc logs, captured
 * from level FINE) until {@link #close()}. Internal: Plinth's own tests use it; not part of the test
 * kit's API, left out of the Javadoc.
 */
public final class Leaks implements AutoCloseable {
    private static final List<String> JUL_LOGGERS = List.of("", "org.postgresql", "com.zaxxer.hikari", "org.flywaydb");

    private final PrintStream out = System.out;
    private final PrintStream err = System.err;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final StringBuilder logged = new StringBuilder();
    private final Map<String, Level> levels = new java.util.HashMap<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (logged) {
                logged.append(record.getLevel()).append(' ').append(record.getLoggerName()).append(": ")
                        .append(new java.util.logging.SimpleFormatter().formatMessage(record)).append('\n');
                if (record.getThrown() != null) {
                    logged.append(everything(record.getThrown())).append('\n');
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private Leaks() {
        System.setOut(new PrintStream(tee(out), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(tee(err), true, StandardCharsets.UTF_8));
        handler.setLevel(Level.FINE);
        for (String name : JUL_LOGGERS) {
            Logger logger = Logger.getLogger(name);
            levels.put(name, logger.getLevel());
            if (!name.isEmpty()) {
                logger.setLevel(Level.FINE);
            }
        }
        Logger.getLogger("").addHandler(handler);
    }

    /** Starts capturing. */
    public static Leaks capture() {
        return new Leaks();
    }

    /** Everything printed to {@code System.out} and {@code System.err} and logged so far. */
    public String printedAndLogged() {
        synchronized (logged) {
            return printed.toString(StandardCharsets.UTF_8) + "\n" + logged;
        }
    }

    /** Fails if any of the secrets is in the failure (see {@link #everything}) or was printed or logged. */
    public void assertNowhere(Throwable failure, String... secrets) {
        String shown = everything(failure);
        for (String secret : secrets) {
            assertFalse(shown.contains(secret), () -> "the secret " + secret + " is in the failure:\n" + shown);
        }
        assertNotPrinted(secrets);
    }

    /** Fails if any of the secrets was printed or logged. */
    public void assertNotPrinted(String... secrets) {
        String output = printedAndLogged();
        for (String secret : secrets) {
            assertFalse(output.contains(secret), () -> "the secret " + secret + " was printed or logged:\n" + output);
        }
    }

    /**
     * Every word a failure can show: the message, localized message and {@code toString()} of it, of
     * every cause, every suppressed exception and every next SQL exception, recursively, and the
     * printed stack trace.
     */
    public static String everything(Throwable failure) {
        StringBuilder all = new StringBuilder();
        collect(failure, all, new IdentityHashMap<>());
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        return all.append(trace).toString();
    }

    private static void collect(Throwable t, StringBuilder all, Map<Throwable, Boolean> seen) {
        if (t == null || seen.put(t, Boolean.TRUE) != null) {
            return;
        }
        all.append(t).append('\n').append(t.getMessage()).append('\n').append(t.getLocalizedMessage()).append('\n');
        collect(t.getCause(), all, seen);
        for (Throwable s : t.getSuppressed()) {
            collect(s, all, seen);
        }
        if (t instanceof SQLException sql) {
            collect(sql.getNextException(), all, seen);
        }
    }

    private OutputStream tee(OutputStream original) {
        return new OutputStream() {
            @Override
            public void write(int b) {
                synchronized (printed) {
                    printed.write(b);
                }
                try {
                    original.write(b);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                synchronized (printed) {
                    printed.write(b, off, len);
                }
                try {
                    original.write(b, off, len);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        };
    }

    @Override
    public void close() {
        System.setOut(out);
        System.setErr(err);
        Logger.getLogger("").removeHandler(handler);
        levels.forEach((name, level) -> {
            if (!name.isEmpty()) {
                Logger.getLogger(name).setLevel(level);
            }
        });
    }
}
