package io.plinth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plinth.postgres.EmbeddedDatabase;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A short {@code plinth bench crud} on an embedded PostgreSQL: the shape of its output, not its figures. */
class BenchCrudCommandTest {
    private static final Pattern SUMMARY =
            Pattern.compile("(\\w+) ops/s=(\\d+) baseline ops/s=(\\d+) ratio=\\d+\\.\\d\\d");

    @Test
    void printsProgressAndEndsEachOperationWithItsRatioLine() {
        // No --operations: every operation, in this order.
        List<String> operations = List.of("get", "create", "update", "page", "appendAll");
        CommandOutput result;
        try (EmbeddedDatabase db = EmbeddedDatabase.start()) {
            result = CommandOutput.run("bench", "crud", "--jdbc-url", db.jdbcUrl(),
                    "--seconds", "1", "--clients", "2", "--warmup", "0");
        }

        assertEquals(0, result.exitCode(), result::toString);
        List<String> lines = result.out().strip().lines().toList();
        // five operations, two sides each, one round of 1 s each after no warm-up
        assertTrue(lines.get(0).matches("CRUD bench \\w+: the rounds take 10 s \\(1 s measured per side and operation, "
                + "5 operations, plus 10 warm-ups of 0 s\\), setup and checks not counted"), lines.get(0));
        for (String operation : operations) {
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("[" + operation + " baseline] 1s ")), result.out());
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("[" + operation + " plinth] 1s ")), result.out());
        }
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("checked: ")), result.out());
        // The run ends with one summary line per operation, in order.
        List<String> last = lines.subList(lines.size() - operations.size(), lines.size());
        for (int i = 0; i < operations.size(); i++) {
            Matcher summary = SUMMARY.matcher(last.get(i));
            assertTrue(summary.matches(), result.out());
            assertEquals(operations.get(i), summary.group(1), result.out());
            assertTrue(Long.parseLong(summary.group(2)) > 0, result.out());
            assertTrue(Long.parseLong(summary.group(3)) > 0, result.out());
            // Each operation's rounds end with the same line.
            int first = lines.indexOf(last.get(i));
            assertTrue(first < lines.size() - operations.size(), result.out());
            assertTrue(lines.get(first - 1).startsWith("[" + operations.get(i) + " plinth] "), result.out());
        }
    }

    @Test
    void anUnknownOperationIsAUsageError() {
        CommandOutput result = CommandOutput.run("bench", "crud", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/x",
                "--operations", "get,delete");

        assertEquals(2, result.exitCode(), result::toString);
        assertTrue(result.err().contains("--operations takes get, create, update, page and appendAll, not delete"),
                result.err());
    }

    @Test
    void optionsOutOfRangeAreUsageErrors() {
        CommandOutput result = CommandOutput.run("bench", "crud", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/x",
                "--clients", "0");

        assertEquals(2, result.exitCode(), result::toString);
        assertTrue(result.err().contains("--clients must be at least 1"), result.err());
    }
}
