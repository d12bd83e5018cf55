/**
 * The memory companion (seed 004) on PostgreSQL: the models with calls of their own, each a
 * {@code Pg…Repository} extending {@link io.plinth.postgres.PgCrudRepository}.
 */
package io.plinth.postgres.memory;
