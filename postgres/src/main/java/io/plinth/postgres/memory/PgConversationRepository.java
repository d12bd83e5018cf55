package io.plinth.postgres.memory;

import io.plinth.core.ConflictException;
import io.plinth.core.NotFoundException;
import io.plinth.core.table.Column;
import io.plinth.memory.Conversation;
import io.plinth.memory.ConversationId;
import io.plinth.memory.ConversationRepository;
import io.plinth.memory.ConversationStatus;
import io.plinth.memory.MemoryTables;
import io.plinth.memory.NewConversation;
import io.plinth.postgres.PgCrudRepository;
import io.plinth.tenancy.UserId;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import io.plinth.postgres.PgSession;
import org.jdbi.v3.core.Handle;

/**
 * PostgreSQL {@link ConversationRepository}: the generic calls, and {@link #advance} as one
 * conditional {@code UPDATE}. Under READ COMMITTED an {@code UPDATE} that finds its row locked by a
 * concurrent one waits for it to commit and then evaluates its {@code WHERE} again on the row as
 * that one left it, so a move is decided against the stored status, never a stale copy: of
 * concurrent moves, exactly the legal ones succeed.
 */
public final class PgConversationRepository extends PgCrudRepository<UserId, ConversationId, NewConversation, Conversation>
        implements ConversationRepository {
    /** The statuses in their order, as a SQL array: a status's position is its rank. */
    private static final String ORDER = ConversationStatus.SPELLINGS.stream().map(s -> "'" + s + "'")
            .collect(Collectors.joining(", ", "ARRAY[", "]::text[]"));
    private static final String ADVANCE = "UPDATE conversations SET status = :status,"
            + " ended_at = CASE WHEN status = 'active' THEN :now ELSE ended_at END, version = version + 1"
            + " WHERE id = :id AND user_id = :tenant"
            + " AND array_position(" + ORDER + ", status) < array_position(" + ORDER + ", CAST(:status AS text))"
            + " RETURNING " + MemoryTables.CONVERSATIONS.columns().stream().map(Column::name).collect(Collectors.joining(", "));
    private static final String STATUS = "SELECT status FROM conversations WHERE id = :id AND user_id = :tenant";

    public PgConversationRepository(PgSession session, Supplier<Instant> now) {
        super(session, MemoryTables.CONVERSATIONS, now);
    }

    @Override
    public Conversation advance(UserId userId, ConversationId conversationId, ConversationStatus status) {
        Optional<Conversation> moved = handle().createQuery(ADVANCE).bind("status", status.spelling())
                .bind("now", now.get()).bind("id", conversationId.value()).bind("tenant", userId.value())
                .map(sql.mapper()).findOne();
        if (moved.isPresent()) {
            return moved.get();
        }
        String stored = handle().createQuery(STATUS).bind("id", conversationId.value()).bind("tenant", userId.value())
                .mapTo(String.class).findOne()
                .orElseThrow(() -> new NotFoundException(table.entity(), conversationId));
        throw new ConflictException("conversation " + conversationId + " is " + stored
                + ": its status only moves forward (active, ended, processing, processed), not to " + status.spelling());
    }
}
