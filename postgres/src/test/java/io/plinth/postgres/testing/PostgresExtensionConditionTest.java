package io.plinth.postgres.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;

/** Whether the tests of a container extension run, and why not when they don't. */
class PostgresExtensionConditionTest {
    @Test
    void aContainerExtensionIsSkippedWithAPlainReasonWhereDockerIsMissing() {
        ConditionEvaluationResult result = PostgresExtension.container("postgres:17").evaluateExecutionCondition(null);
        String reason = result.getReason().orElse("");
        if (result.isDisabled()) {
            assertEquals("no Docker engine is available to Testcontainers, so PostgreSQL cannot run in a container here",
                    reason);
        } else {
            assertEquals("Docker is available", reason);
        }
    }

    @Test
    void theOtherServersAlwaysRun() {
        assertFalse(PostgresExtension.embedded().evaluateExecutionCondition(null).isDisabled());
        assertFalse(PostgresExtension.jdbcUrl("jdbc:postgresql://127.0.0.1:1/x").evaluateExecutionCondition(null)
                .isDisabled());
    }
}
