package io.plinth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plinth.postgres.EmbeddedDatabase;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A one-second {@code plinth bench ledger} on an embedded PostgreSQL: the shape of its output, not its figures. */
class BenchLedgerCommandTest {
    private static final Pattern SUMMARY =
            Pattern.compile("transfers/s=(\\d+) baseline transfers/s=(\\d+) ratio=\\d+\\.\\d\\d");

    @Test
    void printsProgressAndEndsWithTheRatioLine() {
        // One client: the smallest run allowed, below the store's own smallest pool.
        CommandOutput result;
        try (EmbeddedDatabase db = EmbeddedDatabase.start()) {
            result = CommandOutput.run("bench", "ledger", "--jdbc-url", db.jdbcUrl(),
                    "--seconds", "1", "--clients", "1", "--accounts", "10", "--warmup", "0");
        }

        assertEquals(0, result.exitCode(), result::toString);
        List<String> lines = result.out().strip().lines().toList();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("[baseline] 1s ")), result.out());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("[plinth] 1s ")), result.out());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("checked: ")), result.out());
        Matcher last = SUMMARY.matcher(lines.get(lines.size() - 1));
        assertTrue(last.matches(), result.out());
        assertTrue(Long.parseLong(last.group(1)) > 0, result.out());
        assertTrue(Long.parseLong(last.group(2)) > 0, result.out());
    }

    @Test
    void optionsOutOfRangeAreUsageErrors() {
        CommandOutput result = CommandOutput.run("bench", "ledger", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/x",
                "--accounts", "1");

        assertEquals(2, result.exitCode(), result::toString);
        assertEquals(1, result.err().strip().lines().count(), result.err());
        assertTrue(result.err().contains("--accounts must be at least 2"), result.err());
    }

    @Test
    void aMissingUrlIsAUsageError() {
        CommandOutput result = CommandOutput.run("bench", "ledger");

        assertEquals(2, result.exitCode(), result::toString);
        assertTrue(result.err().contains("--jdbc-url"), result.err());
    }
}
