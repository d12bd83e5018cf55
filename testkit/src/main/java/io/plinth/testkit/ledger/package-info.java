/**
 * The in-memory Obelisk Pay ledger. Tests reach it through {@link io.plinth.testkit.InMemoryStore}
 * and {@link io.plinth.ledger.LedgerRepository}.
 *
 * <p><b>Internal.</b> Not part of Plinth's API: applications must not use it; it may change in any
 * release without notice, and it is left out of the Javadoc.
 */
package io.plinth.testkit.ledger;
