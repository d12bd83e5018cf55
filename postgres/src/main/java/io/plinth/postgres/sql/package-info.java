/**
 * Building blocks shared by the PostgreSQL repositories of every context: SQLState-to-exception
 * mapping ({@link io.plinth.postgres.sql.SqlErrors}), argument binding for Plinth's value types
 * ({@link io.plinth.postgres.sql.PlinthArgumentsPlugin}), column readers
 * ({@link io.plinth.postgres.sql.Columns}) and the optimistic-update and keyset-paging patterns
 * ({@link io.plinth.postgres.sql.Rows}). Not meant for application code.
 */
package io.plinth.postgres.sql;
