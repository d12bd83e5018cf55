/**
 * The in-memory repositories of the memory companion's models with special calls (conversations,
 * messages, cards, …); the other models use the generic {@code MemCrudRepository}. Tests reach them
 * through {@link io.plinth.testkit.InMemoryStore} and the repository interfaces of
 * {@code io.plinth.memory}.
 *
 * <p><b>Internal.</b> Not part of Plinth's API: applications must not use it; it may change in any
 * release without notice, and it is left out of the Javadoc.
 */
package io.plinth.testkit.memory;
