/**
 * The memory companion (seed 004) on PostgreSQL: the models with calls of their own, each a
 * {@code Pg…Repository} extending {@link io.plinth.postgres.PgCrudRepository}; the other models use
 * the generic repository as it is.
 */
package io.plinth.postgres.memory;
