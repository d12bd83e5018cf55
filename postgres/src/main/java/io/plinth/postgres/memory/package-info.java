/**
 * The memory companion (seed 004) on PostgreSQL: the models with calls of their own, each a
 * {@code Pg…Repository} extending {@code PgCrudRepository}; the other models use the generic
 * repository as it is. Applications reach them through {@link io.plinth.postgres.PostgresStore} and
 * the repository interfaces of {@code io.plinth.memory}.
 *
 * <p><b>Internal.</b> Not part of Plinth's API: applications must not use it; it may change in any
 * release without notice, and it is left out of the Javadoc.
 */
package io.plinth.postgres.memory;
