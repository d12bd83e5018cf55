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
    void aUrlThatIsNotPostgresIsOneLineAndExitCodeOne() {
        CommandOutput result = CommandOutput.run("migrate", "--jdbc-url", "mysql://localhost/app");

        assertEquals(1, result.exitCode());
        assertEquals(1, result.err().strip().lines().count(), result.err());
        assertTrue(result.err().contains("--jdbc-url must look like jdbc:postgresql://"), result.err());
    }

    @Test
    void aMissingUrlIsAUsageError() {
        CommandOutput result = CommandOutput.run("migrate");

        assertEquals(2, result.exitCode());
        assertEquals(1, result.err().strip().lines().count(), result.err());
        assertTrue(result.err().contains("--jdbc-url"), result.err());
    }
}
