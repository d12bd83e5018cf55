package io.plinth.memory;

import io.plinth.core.RepositoryLookup;

/** The repositories of the memory companion (seed 004), each scoped by user. */
public interface MemoryRepositories extends RepositoryLookup {
    default CommunityRepository communities() {
        return repository(CommunityRepository.class);
    }
}
