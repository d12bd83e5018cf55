package io.plinth.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.plinth.core.ConflictException;
import io.plinth.core.Store;
import io.plinth.memory.Conversation;
import io.plinth.memory.ConversationStatus;
import io.plinth.memory.NewConversation;
import io.plinth.postgres.sql.SqlErrors;
import io.plinth.tenancy.NewUser;
import io.plinth.tenancy.UserId;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/**
 * The database holds "a conversation's status only moves forward" for every writer (migration V7):
 * raw SQL, as a Prisma client would send it, may move the status forward or write it unchanged, but
 * an UPDATE that moves it back is refused (PLCF0), which Plinth reports as a {@link ConflictException}.
 */
class ConversationStatusTriggerTest {

    @Test
    void theDatabaseRefusesToMoveAStatusBack() throws SQLException {
        Store store = TestDatabase.emptyStore(Clock.systemUTC());
        UserId user = store.users().create(NewUser.of("status@example.com", "Status")).id();
        Conversation chat = store.conversations().create(new NewConversation(user, "Chat", null, null, null, null));
        store.conversations().advance(user, chat.id(), ConversationStatus.PROCESSING);
        String where = " WHERE id = '" + chat.id() + "'";
        try (Connection c = TestDatabase.dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String back : new String[] {"active", "ended"}) {
                String sql = "UPDATE conversations SET status = '" + back + "'" + where;
                SQLException e = assertThrows(SQLException.class, () -> s.executeUpdate(sql), sql);
                assertEquals("PLCF0", e.getSQLState(), e.getMessage());
                assertInstanceOf(ConflictException.class, SqlErrors.map(e), sql);
            }
            assertEquals(1, s.executeUpdate("UPDATE conversations SET status = 'processing', title = 'Same status'" + where));
            assertEquals(1, s.executeUpdate("UPDATE conversations SET status = 'processed'" + where));
        }
        Conversation stored = store.conversations().get(user, chat.id());
        assertEquals(ConversationStatus.PROCESSED, stored.status());
        assertEquals("Same status", stored.title());
        store.close();
    }
}
