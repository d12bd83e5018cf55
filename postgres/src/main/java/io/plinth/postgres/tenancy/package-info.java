/**
 * The tenancy context on PostgreSQL: users, workspaces, memberships, projects and sessions, all
 * declared tables ({@link io.plinth.tenancy.TenancyTables}). Each {@code Pg…Repository} extends the
 * generic repository of its table ({@code PgCrudRepository}, or {@code PgTableRepository} for a
 * table of no tenant) with the model's special calls. Applications reach them through
 * {@link io.plinth.postgres.PostgresStore} and the repository interfaces of {@code io.plinth.tenancy}.
 *
 * <p><b>Internal.</b> Not part of Plinth's API: applications must not use it; it may change in any
 * release without notice, and it is left out of the Javadoc.
 */
package io.plinth.postgres.tenancy;
