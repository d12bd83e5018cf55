package io.plinth.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.plinth.core.ConflictException;
import io.plinth.core.PageRequest;
import io.plinth.core.Store;
import io.plinth.memory.GrowthEvent;
import io.plinth.memory.InteractionLog;
import io.plinth.memory.NewGrowthEvent;
import io.plinth.memory.NewInteractionLog;
import io.plinth.postgres.sql.SqlErrors;
import io.plinth.tenancy.NewUser;
import io.plinth.tenancy.User;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The database itself keeps growth events and interaction logs append-only (migration V6): UPDATE,
 * DELETE and TRUNCATE from any client are refused (PLIM0, a {@link ConflictException}), and only
 * deleting their user — the foreign key's cascade — removes them.
 */
class GrowthAppendOnlyTest {

    @Test
    void theDatabaseRefusesUpdatesDeletesAndTruncatesButTheUserCascadeDeletes() throws SQLException {
        Store store = TestDatabase.emptyStore(Clock.systemUTC());
        User user = store.users().create(NewUser.of("grower@example.com", "Grower"));
        User other = store.users().create(NewUser.of("stays@example.com", "Stays"));
        GrowthEvent event = store.growthEvents().create(
                new NewGrowthEvent(user.id(), "entity-1", "Concept", "curiosity", 1.5, "reflection", null));
        GrowthEvent kept = store.growthEvents().create(
                new NewGrowthEvent(other.id(), "entity-2", "Concept", "courage", 2.5, "reflection", null));
        List<InteractionLog> logs = store.interactions().appendAll(List.of(
                new NewInteractionLog(user.id(), "view", null, null, "Looked", null, null),
                new NewInteractionLog(other.id(), "view", null, null, "Looked too", null, null)));

        try (Connection c = TestDatabase.dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String sql : new String[] {
                    "UPDATE growth_events SET delta = 1000 WHERE event_id = '" + event.id() + "'",
                    "UPDATE growth_events SET user_id = '" + other.id() + "'",
                    "DELETE FROM growth_events WHERE event_id = '" + event.id() + "'",
                    "DELETE FROM growth_events",
                    "UPDATE interaction_logs SET content_text = 'rewritten' WHERE interaction_id = '" + logs.get(0).id() + "'",
                    "DELETE FROM interaction_logs WHERE user_id = '" + user.id() + "'",
                    "TRUNCATE growth_events",
                    "TRUNCATE interaction_logs",
                    "TRUNCATE growth_events, interaction_logs",
                    "TRUNCATE users CASCADE"}) {
                SQLException e = assertThrows(SQLException.class, () -> s.executeUpdate(sql), sql);
                assertEquals("PLIM0", e.getSQLState(), e.getMessage());
                assertInstanceOf(ConflictException.class, SqlErrors.map(e), sql);
            }
            assertEquals(2, count(s, "SELECT count(*) FROM growth_events"));
            assertEquals(2, count(s, "SELECT count(*) FROM interaction_logs"));

            assertEquals(1, s.executeUpdate("DELETE FROM users WHERE user_id = '" + user.id() + "'"));
            assertEquals(0, count(s, "SELECT count(*) FROM growth_events WHERE user_id = '" + user.id() + "'"));
            assertEquals(0, count(s, "SELECT count(*) FROM interaction_logs WHERE user_id = '" + user.id() + "'"));
        }
        assertEquals(List.of(kept), store.growthEvents().list(other.id(), PageRequest.first()).items());
        assertEquals(List.of(logs.get(1)), store.interactions().list(other.id(), PageRequest.first()).items());
        store.close();
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
