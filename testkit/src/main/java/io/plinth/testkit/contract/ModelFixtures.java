package io.plinth.testkit.contract;

import io.plinth.memory.CommunityId;
import io.plinth.memory.MemoryTables;
import io.plinth.memory.NewCommunity;
import java.util.List;

/** The fixture of every declared model; {@link ModelContract} fails for a declared table without one. */
public final class ModelFixtures {
    private ModelFixtures() {
    }

    /** One fixture per declared table. */
    public static final List<ModelFixture<?, ?, ?, ?>> ALL = List.of(
            new ModelFixture<>(MemoryTables.COMMUNITIES, CommunityId::new, (store, user) -> user.id(),
                    (store, user, n) -> new NewCommunity(user, "Community " + n, n % 2 == 0 ? null : "About " + n),
                    c -> c.withName(c.name() + " (renamed)").withDescription("Changed")));
}
