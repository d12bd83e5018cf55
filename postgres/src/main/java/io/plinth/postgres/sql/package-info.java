/**
 * Building blocks shared by the PostgreSQL repositories of every context: SQLState-to-exception
 * mapping ({@link io.plinth.postgres.sql.SqlErrors}), the SQL a table declaration gives
 * ({@link io.plinth.postgres.sql.TableSql}), argument binding for Plinth's value types
 * ({@link io.plinth.postgres.sql.PlinthArgumentsPlugin}), column readers
 * ({@link io.plinth.postgres.sql.Columns}) and the optimistic-update and keyset-paging patterns
 * ({@link io.plinth.postgres.sql.Rows}).
 *
 * <p><b>Internal.</b> Not part of Plinth's API: applications must not use it; it may change in any
 * release without notice, and it is left out of the Javadoc.
 */
package io.plinth.postgres.sql;
