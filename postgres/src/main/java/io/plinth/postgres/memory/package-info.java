/**
 * The PostgreSQL repositories of the memory companion's models with special calls (conversations,
 * messages, cards); the other models use the generic {@link io.plinth.postgres.PgCrudRepository}.
 */
package io.plinth.postgres.memory;
