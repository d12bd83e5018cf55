/**
 * Plinth on PostgreSQL: {@link io.plinth.postgres.PostgresStore} (JDBI 3, HikariCP, Flyway
 * migrations) and {@link io.plinth.postgres.EmbeddedDatabase} for tests and demos. The
 * repositories of each context live in the sub-package of the same name, for example
 * {@code io.plinth.postgres.tenancy}.
 */
package io.plinth.postgres;
