package io.plinth.memory;

import io.plinth.core.table.ColumnType;
import io.plinth.core.table.OnDelete;
import io.plinth.core.table.Table;
import io.plinth.tenancy.UserId;
import java.util.List;

/**
 * The table declarations of the memory companion (seed 004), one per model, shared by every store;
 * the SQL is {@code migrations/sql/V6__memory.sql}.
 */
public final class MemoryTables {
    private MemoryTables() {
    }

    /** {@code communities}. */
    public static final Table<NewCommunity, Community> COMMUNITIES =
            Table.<NewCommunity, Community>of("communities", "community", CommunityRepository.class)
                    .id("community_id", c -> c.id().value())
                    .tenant("user_id", c -> c.userId().value(), "users", "user_id", "user", OnDelete.CASCADE)
                    .column("name", ColumnType.TEXT, false, Community::name)
                    .column("description", ColumnType.TEXT, true, Community::description)
                    .createdAt("created_at", Community::createdAt)
                    .updatedAt("last_analyzed_ts", true, Community::lastAnalyzedTs)
                    .version(Community::version)
                    .creates((n, id, now) -> new Community(new CommunityId(id), n.userId(), n.name(), n.description(),
                            now, now, 0))
                    .reads(r -> new Community(new CommunityId(r.uuid("community_id")), new UserId(r.uuid("user_id")),
                            r.text("name"), r.text("description"), r.instant("created_at"),
                            r.instant("last_analyzed_ts"), r.longValue("version")));

    /** Every table of the context, parents before children. */
    public static final List<Table<?, ?>> ALL = List.of(COMMUNITIES);
}
