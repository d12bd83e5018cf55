/**
 * Plinth's own plumbing shared by its backends: the unit-of-work bookkeeping, the repository-call
 * guard and the base of the repositories of tables of no tenant.
 *
 * <p><b>Internal.</b> Not part of Plinth's API: applications must not use it; it may change in any
 * release without notice, and it is left out of the Javadoc.
 */
package io.plinth.core.internal;
