package io.plinth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MigrateCommandTest {
    @Test
    void anUnreachableServerIsOneLineAndExitCodeOne() {
        CommandOutput result = CommandOutput.run("migrate", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/nope");

        assertEquals(1, result.exitCode());
        assertEquals("", result.out());
        String err = result.err().strip();
        assertFalse(err.isEmpty());
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith("plinth migrate: "), err);
        assertTrue(err.contains("127.0.0.1:1"), err);
        assertFalse(err.contains("Exception"), err);
        assertFalse(err.contains("\tat "), err);
    }

    @Test
    void aUrlThatIsNotPostgresIsAUsageErrorLikeAMissingOne() {
        CommandOutput result = CommandOutput.run("migrate", "--jdbc-url", "mysql://localhost/app");

        assertEquals(2, result.exitCode());
        assertEquals(1, result.err().strip().lines().count(), result.err());
        assertEquals("plinth migrate: --jdbc-url must look like jdbc:postgresql://HOST:PORT/DATABASE, got "
                + "'mysql://localhost/app' (see 'plinth migrate --help')", result.err().strip());
    }

    @Test
    void aBadSchemaNameIsAUsageErrorBeforeAnyConnection() {
        CommandOutput result = CommandOutput.run("migrate", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/nope",
                "--schema", "Plinth-Schema");

        assertEquals(2, result.exitCode(), result::toString);
        assertTrue(result.err().startsWith("plinth migrate: --schema must be a lower-case SQL identifier"), result.err());
        assertFalse(result.err().contains("127.0.0.1:1"), "nothing was tried: " + result.err());
    }

    @Test
    void aMistypedCommandSuggestsTheRightOne() {
        CommandOutput result = CommandOutput.run("migrat", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/nope");

        assertEquals(2, result.exitCode(), result::toString);
        assertEquals(1, result.err().strip().lines().count(), result.err());
        assertTrue(result.err().contains("did you mean 'plinth migrate'"), result.err());
        CommandOutput verify = CommandOutput.run("ledger", "verfy");
        assertTrue(verify.err().contains("did you mean 'plinth ledger verify'?"), verify.err());
    }

    @Test
    void helpListsTheExitCodes() {
        CommandOutput result = CommandOutput.run("--help");

        assertEquals(0, result.exitCode());
        String help = result.out().replaceAll("\\s+", " ");
        assertTrue(help.contains("Exit codes (every command): 0 done"), result.out());
        assertTrue(help.contains(" 1 the command ran and failed"), result.out());
        assertTrue(help.contains(" 2 the command was called wrongly, and did nothing"), result.out());
    }

    @Test
    void aMissingUrlIsAUsageError() {
        CommandOutput result = CommandOutput.run("migrate");

        assertEquals(2, result.exitCode());
        assertEquals(1, result.err().strip().lines().count(), result.err());
        assertTrue(result.err().contains("--jdbc-url"), result.err());
    }
}
