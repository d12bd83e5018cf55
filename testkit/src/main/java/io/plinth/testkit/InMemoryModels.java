package io.plinth.testkit;

import io.plinth.core.Id;
import io.plinth.core.table.Schema;
import io.plinth.core.table.Table;
import io.plinth.memory.CardRepository;
import io.plinth.memory.ConceptRepository;
import io.plinth.memory.ConversationMessageRepository;
import io.plinth.memory.ConversationRepository;
import io.plinth.memory.GrowthEventRepository;
import io.plinth.memory.InteractionLogRepository;
import io.plinth.memory.UserChallengeRepository;
import io.plinth.memory.UserGraphProjectionRepository;
import io.plinth.tenancy.MemberRepository;
import io.plinth.tenancy.ProjectRepository;
import io.plinth.tenancy.UserRepository;
import io.plinth.tenancy.UserSessionRepository;
import io.plinth.tenancy.WorkspaceRepository;
import io.plinth.testkit.memory.MemCardRepository;
import io.plinth.testkit.memory.MemConceptRepository;
import io.plinth.testkit.memory.MemConversationMessageRepository;
import io.plinth.testkit.memory.MemConversationRepository;
import io.plinth.testkit.memory.MemGrowthEventRepository;
import io.plinth.testkit.memory.MemInteractionLogRepository;
import io.plinth.testkit.memory.MemUserChallengeRepository;
import io.plinth.testkit.memory.MemUserGraphProjectionRepository;
import io.plinth.testkit.tenancy.MemMemberRepository;
import io.plinth.testkit.tenancy.MemProjectRepository;
import io.plinth.testkit.tenancy.MemUserRepository;
import io.plinth.testkit.tenancy.MemUserSessionRepository;
import io.plinth.testkit.tenancy.MemWorkspaceRepository;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The in-memory repositories of the declared models: a {@link MemCrudRepository} (or, for a table of
 * no tenant, a {@link MemTableRepository}) on the model's table, or the model's own class where it has special calls (registered here, one line each).
 */
final class InMemoryModels {
    /** Makes a model's special repository. */
    @FunctionalInterface
    interface Special {
        Object make(Tables tables, Supplier<Instant> now);
    }

    /** Models with special calls, by repository interface. */
    private static final Map<Class<?>, Special> SPECIAL = Map.ofEntries(
            Map.entry(UserRepository.class, MemUserRepository::new),
            Map.entry(WorkspaceRepository.class, MemWorkspaceRepository::new),
            Map.entry(MemberRepository.class, MemMemberRepository::new),
            Map.entry(ProjectRepository.class, MemProjectRepository::new),
            Map.entry(UserSessionRepository.class, MemUserSessionRepository::new),
            Map.entry(ConversationRepository.class, MemConversationRepository::new),
            Map.entry(ConversationMessageRepository.class, MemConversationMessageRepository::new),
            Map.entry(CardRepository.class, MemCardRepository::new),
            Map.entry(ConceptRepository.class, MemConceptRepository::new),
            Map.entry(GrowthEventRepository.class, MemGrowthEventRepository::new),
            Map.entry(InteractionLogRepository.class, MemInteractionLogRepository::new),
            Map.entry(UserChallengeRepository.class, MemUserChallengeRepository::new),
            Map.entry(UserGraphProjectionRepository.class, MemUserGraphProjectionRepository::new));

    private InMemoryModels() {
    }

    /** The repository of the declared model whose interface is {@code type}. */
    static Object repository(Class<?> type, Tables tables, Supplier<Instant> now) {
        Special special = SPECIAL.get(type);
        return special != null ? special.make(tables, now) : generic(Schema.forRepository(type), tables, now);
    }

    private static <N, R> Object generic(Table<N, R> table, Tables tables, Supplier<Instant> now) {
        return table.tenantColumn() == null ? new MemTableRepository<Id, N, R>(tables, table, now)
                : new MemCrudRepository<Id, Id, N, R>(tables, table, now);
    }
}
