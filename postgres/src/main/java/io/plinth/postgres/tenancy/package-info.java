/**
 * The tenancy context on PostgreSQL: users, workspaces, memberships, projects and sessions, all
 * declared tables ({@link io.plinth.tenancy.TenancyTables}). Each {@code Pg…Repository} extends the
 * generic repository of its table ({@link io.plinth.postgres.PgCrudRepository}, or
 * {@link io.plinth.postgres.PgTableRepository} for a table of no tenant) with the model's special calls.
 */
package io.plinth.postgres.tenancy;
