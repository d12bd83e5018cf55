package io.plinth.testkit;

import io.plinth.core.Id;
import io.plinth.core.table.Schema;
import io.plinth.core.table.Table;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The in-memory repositories of the declared models: a {@link MemCrudRepository} on the model's
 * table, or the model's own class where it has special calls (registered here, one line each).
 */
final class InMemoryModels {
    /** Makes a model's special repository. */
    @FunctionalInterface
    interface Special {
        Object make(Tables tables, Supplier<Instant> now);
    }

    /** Models with special calls, by repository interface. */
    private static final Map<Class<?>, Special> SPECIAL = Map.ofEntries(
            Map.entry(io.plinth.memory.GrowthEventRepository.class, io.plinth.testkit.memory.MemGrowthEventRepository::new),
            Map.entry(io.plinth.memory.InteractionLogRepository.class, io.plinth.testkit.memory.MemInteractionLogRepository::new),
            Map.entry(io.plinth.memory.UserChallengeRepository.class, io.plinth.testkit.memory.MemUserChallengeRepository::new),
            Map.entry(io.plinth.memory.UserGraphProjectionRepository.class, io.plinth.testkit.memory.MemUserGraphProjectionRepository::new));

    private InMemoryModels() {
    }

    /** The repository of the declared model whose interface is {@code type}. */
    static Object repository(Class<?> type, Tables tables, Supplier<Instant> now) {
        Special special = SPECIAL.get(type);
        return special != null ? special.make(tables, now) : generic(Schema.forRepository(type), tables, now);
    }

    private static <N, R> MemCrudRepository<Id, Id, N, R> generic(Table<N, R> table, Tables tables, Supplier<Instant> now) {
        return new MemCrudRepository<>(tables, table, now);
    }
}
