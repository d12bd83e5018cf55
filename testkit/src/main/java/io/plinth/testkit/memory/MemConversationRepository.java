package io.plinth.testkit.memory;

import io.plinth.core.ConflictException;
import io.plinth.memory.Conversation;
import io.plinth.memory.ConversationId;
import io.plinth.memory.ConversationRepository;
import io.plinth.memory.ConversationStatus;
import io.plinth.memory.MemoryTables;
import io.plinth.memory.NewConversation;
import io.plinth.tenancy.UserId;
import io.plinth.testkit.MemCrudRepository;
import io.plinth.testkit.Tables;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * In-memory {@link ConversationRepository}: the generic calls, and {@link #advance}, atomic because
 * the in-memory store runs one unit of work at a time. Internal to the test kit.
 */
public final class MemConversationRepository extends MemCrudRepository<UserId, ConversationId, NewConversation, Conversation>
        implements ConversationRepository {

    public MemConversationRepository(Tables tables, Supplier<Instant> now) {
        super(tables, MemoryTables.CONVERSATIONS, now);
    }

    @Override
    public Conversation advance(UserId userId, ConversationId conversationId, ConversationStatus status) {
        Conversation stored = get(userId, conversationId);
        if (stored.status().compareTo(status) >= 0) {
            throw new ConflictException("conversation " + conversationId + " is " + stored.status().spelling()
                    + ": its status only moves forward (active, ended, processing, processed), not to "
                    + status.spelling());
        }
        Instant endedAt = stored.status() == ConversationStatus.ACTIVE ? now.get() : stored.endedAt();
        Conversation moved = new Conversation(stored.id(), stored.userId(), stored.title(), stored.startTime(), endedAt,
                status, stored.importanceScore(), stored.contextSummary(), stored.metadata(), stored.sourceCardId(),
                stored.version() + 1);
        rows.replace(stored, moved);
        return moved;
    }
}
