package io.plinth.core;

/**
 * Finds the repository of a model declared by a {@link io.plinth.core.table.Table table
 * declaration}. Every store and every unit of work is one; a context's repositories interface
 * (for example {@code MemoryRepositories}) builds its accessors on it.
 */
public interface RepositoryLookup {
    /**
     * The repository whose interface is {@code type}.
     *
     * @throws IllegalArgumentException when no declared model has that repository
     */
    <R> R repository(Class<R> type);
}
