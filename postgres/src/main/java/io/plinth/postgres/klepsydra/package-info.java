/**
 * The Klepsydra pulse profiles on PostgreSQL: the repository, its SQL object and the JDBI plugin that
 * binds the context's types. Applications reach it through {@link io.plinth.postgres.PostgresStore}
 * and {@link io.plinth.klepsydra.PulseProfileRepository}.
 *
 * <p><b>Internal.</b> Not part of Plinth's API: applications must not use it; it may change in any
 * release without notice, and it is left out of the Javadoc.
 */
package io.plinth.postgres.klepsydra;
