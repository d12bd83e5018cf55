/**
 * The tenancy context on PostgreSQL: users, workspaces, memberships, projects and sessions.
 * Each {@code Pg…Repository} implements one repository interface of {@code io.plinth.tenancy}
 * with a JDBI SqlObject DAO bound to the handle of the running unit of work.
 */
package io.plinth.postgres.tenancy;
