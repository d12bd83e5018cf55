/**
 * The in-memory Klepsydra pulse profiles. Tests reach them through
 * {@link io.plinth.testkit.InMemoryStore} and {@link io.plinth.klepsydra.PulseProfileRepository}.
 *
 * <p><b>Internal.</b> Not part of Plinth's API: applications must not use it; it may change in any
 * release without notice, and it is left out of the Javadoc.
 */
package io.plinth.testkit.klepsydra;
