/**
 * The in-memory repositories of the tenancy context's models with special calls (users, workspaces,
 * memberships, projects, sessions). Tests reach them through {@link io.plinth.testkit.InMemoryStore}
 * and the repository interfaces of {@code io.plinth.tenancy}.
 *
 * <p><b>Internal.</b> Not part of Plinth's API: applications must not use it; it may change in any
 * release without notice, and it is left out of the Javadoc.
 */
package io.plinth.testkit.tenancy;
