package io.plinth.postgres;

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
import io.plinth.postgres.memory.PgCardRepository;
import io.plinth.postgres.memory.PgConceptRepository;
import io.plinth.postgres.memory.PgConversationMessageRepository;
import io.plinth.postgres.memory.PgConversationRepository;
import io.plinth.postgres.memory.PgGrowthEventRepository;
import io.plinth.postgres.memory.PgInteractionLogRepository;
import io.plinth.postgres.memory.PgUserChallengeRepository;
import io.plinth.postgres.memory.PgUserGraphProjectionRepository;
import io.plinth.postgres.tenancy.PgMemberRepository;
import io.plinth.postgres.tenancy.PgProjectRepository;
import io.plinth.postgres.tenancy.PgUserRepository;
import io.plinth.postgres.tenancy.PgUserSessionRepository;
import io.plinth.postgres.tenancy.PgWorkspaceRepository;
import io.plinth.tenancy.MemberRepository;
import io.plinth.tenancy.ProjectRepository;
import io.plinth.tenancy.UserRepository;
import io.plinth.tenancy.UserSessionRepository;
import io.plinth.tenancy.WorkspaceRepository;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import io.plinth.core.internal.RepositoryCalls;

/**
 * The PostgreSQL repositories of the declared models: a {@link PgCrudRepository} (or, for a table of
 * no tenant, a {@link PgTableRepository}) on the model's table, or the model's own class where it has special calls (registered here, one line each).
 */
final class PostgresModels {
    /** Makes a model's special repository. */
    @FunctionalInterface
    interface Special {
        Object make(PgSession session, Supplier<Instant> now);
    }

    /** Models with special calls, by repository interface. */
    private static final Map<Class<?>, Special> SPECIAL = Map.ofEntries(
            Map.entry(UserRepository.class, PgUserRepository::new),
            Map.entry(WorkspaceRepository.class, PgWorkspaceRepository::new),
            Map.entry(MemberRepository.class, PgMemberRepository::new),
            Map.entry(ProjectRepository.class, PgProjectRepository::new),
            Map.entry(UserSessionRepository.class, PgUserSessionRepository::new),
            Map.entry(ConversationRepository.class, PgConversationRepository::new),
            Map.entry(ConversationMessageRepository.class, PgConversationMessageRepository::new),
            Map.entry(CardRepository.class, PgCardRepository::new),
            Map.entry(ConceptRepository.class, PgConceptRepository::new),
            Map.entry(GrowthEventRepository.class, PgGrowthEventRepository::new),
            Map.entry(InteractionLogRepository.class, PgInteractionLogRepository::new),
            Map.entry(UserChallengeRepository.class, PgUserChallengeRepository::new),
            Map.entry(UserGraphProjectionRepository.class, PgUserGraphProjectionRepository::new));

    private PostgresModels() {
    }

    /**
     * The repository of the declared model whose interface is {@code type}.
     *
     * @throws IllegalArgumentException when {@code type} is no declared model's repository
     * @throws IllegalStateException when a plain model's interface declares calls the generic repository lacks
     */
    static Object repository(Class<?> type, PgSession session, Supplier<Instant> now) {
        Special special = SPECIAL.get(type);
        if (special != null) {
            return special.make(session, now);
        }
        Object generic = generic(Schema.forRepository(type), session, now);
        RepositoryCalls.requireCalls(type, generic.getClass());
        return generic;
    }

    private static <N, R> Object generic(Table<N, R> table, PgSession session, Supplier<Instant> now) {
        return table.tenantColumn() == null ? new PgTableRepository<Id, N, R>(session, table, now)
                : new PgCrudRepository<Id, Id, N, R>(session, table, now);
    }
}
