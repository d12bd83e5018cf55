/**
 * Testing with PostgreSQL: {@link io.plinth.postgres.testing.PostgresExtension}, the test kit's
 * JUnit 5 extension handing each test a {@code PostgresStore} on a fresh schema (embedded, at a
 * given URL, or in a Testcontainers container). Needs {@code plinth-testkit} on the test class path.
 */
package io.plinth.postgres.testing;
