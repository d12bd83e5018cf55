/**
 * The in-memory repositories of the memory companion's models with special calls (conversations,
 * messages, cards); the other models use the generic {@link io.plinth.testkit.MemCrudRepository}.
 * Internal to the test kit.
 */
package io.plinth.testkit.memory;
