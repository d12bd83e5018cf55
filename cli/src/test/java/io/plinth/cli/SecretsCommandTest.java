package io.plinth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plinth.postgres.EmbeddedDatabase;
import io.plinth.testkit.Leaks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 10 for the {@code plinth} command: a password given in {@code --jdbc-url} (query or
 * user-info), in {@code --password} or in a mistyped option never appears in what the command prints
 * or what is logged while it runs, whether it fails or succeeds.
 */
class SecretsCommandTest {
    private static final String SECRET = "SECRET-CLI-PW-4321";
    private static final String[] UNREACHABLE = {
        "jdbc:postgresql://127.0.0.1:1/nope?user=app&password=" + SECRET,
        "jdbc:postgresql://127.0.0.1:1/nope?user=app&sslpassword=" + SECRET + "&password=" + SECRET,
        "jdbc:postgresql://app:" + SECRET + "@127.0.0.1:1/nope",
        "jdbc:postgresql://app:" + SECRET + "@127.0.0.1/nope",
        "jdbc:postgresql://app:" + SECRET + "@nohost.invalid:5432/nope?password=" + SECRET,
        "postgresql://app:" + SECRET + "@127.0.0.1:1/nope?password=" + SECRET,
    };
    private static EmbeddedDatabase db;

    @BeforeAll
    static void start() {
        db = EmbeddedDatabase.start();
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    void failingMigrateAndVerifyNeverPrintThePassword() {
        for (String url : UNREACHABLE) {
            for (String[] command : new String[][] {{"migrate"}, {"ledger", "verify"}}) {
                CommandOutput result = run(concat(command, "--jdbc-url", url));
                // a URL refused as such (user-info, not jdbc:postgresql:, an sslpassword migrate cannot
                // pass on) is a usage error; one that names a server that cannot be reached, a failure
                boolean refused = url.contains("@") || !url.startsWith("jdbc:postgresql:")
                        || (command[0].equals("migrate") && url.contains("sslpassword"));
                assertEquals(refused ? Errors.USAGE : Errors.FAILED, result.exitCode(), url + ": " + result.err());
                assertEquals(1, result.err().strip().lines().count(), result.err());
            }
        }
    }

    @Test
    void aPasswordOptionIsNeverPrinted() {
        CommandOutput refused = run("migrate", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/nope", "--user", "app",
                "--password", SECRET);
        assertEquals(1, refused.exitCode());
        assertTrue(refused.err().contains("127.0.0.1:1"), refused.err());
        CommandOutput verify = run("ledger", "verify", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/nope",
                "--password=" + SECRET);
        assertEquals(1, verify.exitCode());
    }

    @Test
    void aMistypedPasswordOptionIsNotEchoed() {
        CommandOutput typo = run("migrate", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/nope", "--pasword", SECRET);
        assertEquals(2, typo.exitCode(), typo.err());
        CommandOutput joined = run("migrate", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/nope", "--passwd=" + SECRET);
        assertEquals(2, joined.exitCode(), joined.err());
        CommandOutput missing = run("ledger", "verify", "--password", SECRET);
        assertEquals(2, missing.exitCode(), missing.err());
    }

    @Test
    void succeedingCommandsNeverPrintThePassword() {
        String url = db.jdbcUrl() + "&password=" + SECRET;
        CommandOutput migrated = run("migrate", "--jdbc-url", url);
        assertEquals(0, migrated.exitCode(), migrated.err());
        assertTrue(migrated.out().contains("schema version"), migrated.out());
        CommandOutput verified = run("ledger", "verify", "--jdbc-url", url, "--password", SECRET);
        assertEquals(0, verified.exitCode(), verified.err());
        assertTrue(verified.out().contains("ledger OK"), verified.out());
    }

    /** Runs the command, capturing what it prints and what is logged, and checks the secret is in none of it. */
    private static CommandOutput run(String... args) {
        try (Leaks leaks = Leaks.capture()) {
            CommandOutput result = CommandOutput.run(args);
            assertFalse(result.out().contains(SECRET), result.out());
            assertFalse(result.err().contains(SECRET), result.err());
            leaks.assertNotPrinted(SECRET);
            return result;
        }
    }

    private static String[] concat(String[] command, String... more) {
        String[] all = java.util.Arrays.copyOf(command, command.length + more.length);
        System.arraycopy(more, 0, all, command.length, more.length);
        return all;
    }
}
