package io.plinth.memory;

import io.plinth.core.RepositoryLookup;

/** The repositories of the memory companion (seed 004), each scoped by user. */
public interface MemoryRepositories extends RepositoryLookup {
    default CommunityRepository communities() {
        return repository(CommunityRepository.class);
    }

    default CardRepository cards() {
        return repository(CardRepository.class);
    }

    default ConversationRepository conversations() {
        return repository(ConversationRepository.class);
    }

    default ConversationMessageRepository messages() {
        return repository(ConversationMessageRepository.class);
    }

    default MemoryUnitRepository memoryUnits() {
        return repository(MemoryUnitRepository.class);
    }

    default ConceptRepository concepts() {
        return repository(ConceptRepository.class);
    }

    default MediaRepository media() {
        return repository(MediaRepository.class);
    }

    default DerivedArtifactRepository artifacts() {
        return repository(DerivedArtifactRepository.class);
    }

    default GrowthEventRepository growthEvents() {
        return repository(GrowthEventRepository.class);
    }

    default UserChallengeRepository challenges() {
        return repository(UserChallengeRepository.class);
    }

    default ProactivePromptRepository prompts() {
        return repository(ProactivePromptRepository.class);
    }

    default InteractionLogRepository interactions() {
        return repository(InteractionLogRepository.class);
    }

    default UserGraphProjectionRepository graphProjections() {
        return repository(UserGraphProjectionRepository.class);
    }

    default MentionRepository mentions() {
        return repository(MentionRepository.class);
    }

    default ConceptRelationRepository conceptRelations() {
        return repository(ConceptRelationRepository.class);
    }
}
