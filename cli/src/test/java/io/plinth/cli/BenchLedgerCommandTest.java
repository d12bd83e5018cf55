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
        assertTrue(lines.get(0).matches("Ledger bench \\w+: the rounds take 2 s \\(1 s measured per side, plus 2 "
                + "warm-ups of 0 s\\), setup and checks not counted"), lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("[baseline] 1s ")), result.out());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("[plinth] 1s ")), result.out());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("checked: ")), result.out());
        Matcher last = SUMMARY.matcher(lines.get(lines.size() - 1));
        assertTrue(last.matches(), result.out());
        assertTrue(Long.parseLong(last.group(1)) > 0, result.out());
        assertTrue(Long.parseLong(last.group(2)) > 0, result.out());
    }

    @Test
    void saysUpFrontHowLongItTakesAndMeasuresExactlyTheSecondsAsked() {
        CommandOutput result;
        try (EmbeddedDatabase db = EmbeddedDatabase.start()) {
            result = CommandOutput.run("bench", "ledger", "--jdbc-url", db.jdbcUrl(), "--schema", "plinth_bench",
                    "--seconds", "3", "--clients", "1", "--accounts", "10", "--warmup", "1");
        }

        assertEquals(0, result.exitCode(), result::toString);
        List<String> lines = result.out().strip().lines().toList();
        // two sides, each two rounds of a 1 s warm-up, measured 2 s + 1 s: 2 * (2 * 1 + 3) = 10 s
        assertTrue(lines.get(0).matches("Ledger bench \\w+: the rounds take 10 s \\(3 s measured per side, plus 4 "
                + "warm-ups of 1 s\\), setup and checks not counted"), lines.get(0));
        for (String side : List.of("baseline", "plinth")) {
            // rounds of 2 s and 1 s
            assertEquals(List.of(1, 2, 1), lines.stream().filter(l -> l.startsWith("[" + side + "] ") && l.matches(".* \\d+s .*"))
                    .map(l -> Integer.parseInt(l.replaceFirst("^\\[\\w+\\] (\\d+)s .*$", "$1"))).toList(), result.out());
            String rate = lines.stream().filter(l -> l.startsWith("[" + side + "] ") && l.contains(" transfers in "))
                    .findFirst().orElseThrow();
            double measured = Double.parseDouble(rate.replaceFirst("^.* transfers in (\\d+\\.\\d) s:.*$", "$1"));
            assertTrue(measured >= 3.0 && measured < 3.5, rate);
        }
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
