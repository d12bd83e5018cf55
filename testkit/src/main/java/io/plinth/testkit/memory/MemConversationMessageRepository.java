package io.plinth.testkit.memory;

import io.plinth.core.Check;
import io.plinth.core.Ids;
import io.plinth.core.InvalidInputException;
import io.plinth.core.NotFoundException;
import io.plinth.core.Page;
import io.plinth.core.PageRequest;
import io.plinth.memory.ConversationId;
import io.plinth.memory.ConversationMessage;
import io.plinth.memory.ConversationMessageRepository;
import io.plinth.memory.MemoryTables;
import io.plinth.memory.MessageId;
import io.plinth.memory.NewConversationMessage;
import io.plinth.tenancy.UserId;
import io.plinth.testkit.MemCrudRepository;
import io.plinth.testkit.MemTable;
import io.plinth.testkit.Tables;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * In-memory {@link ConversationMessageRepository}: appends checked as on PostgreSQL (the
 * conversation, then the media), timestamps strictly increasing within a conversation, and the
 * listing by {@code (timestamp, id)}. Appends are serialized because the in-memory store runs one
 * unit of work at a time. Internal to the test kit.
 */
public final class MemConversationMessageRepository
        extends MemCrudRepository<UserId, MessageId, NewConversationMessage, ConversationMessage>
        implements ConversationMessageRepository {
    /** The foreign key whose index lists a conversation's messages. */
    private static final String BY_CONVERSATION = "conversation_messages_conversation_id_fkey";
    /** The listing's order: timestamp, then id as PostgreSQL orders uuids. */
    private static final Comparator<ConversationMessage> ORDER = Comparator.comparing(ConversationMessage::timestamp)
            .thenComparing(m -> m.id().value(), Ids.ORDER);

    public MemConversationMessageRepository(Tables tables, Supplier<Instant> now) {
        super(tables, MemoryTables.CONVERSATION_MESSAGES, now);
    }

    @Override
    public ConversationMessage create(NewConversationMessage request) {
        UUID user = request.userId().value();
        UUID conversation = request.conversationId().value();
        if (tables.table(MemoryTables.CONVERSATIONS).get(user, conversation) == null) {
            throw new InvalidInputException("conversationId", "must name a conversation of the same user");
        }
        MemTable<?> media = tables.table(MemoryTables.MEDIA_ITEMS);
        for (String id : request.mediaIds()) {
            if (media.get(user, UUID.fromString(id)) == null) {
                throw new InvalidInputException("mediaIds", "must name media items of the same user; " + id + " is none");
            }
        }
        Instant latest = messages(conversation).stream().map(ConversationMessage::timestamp).max(Comparator.naturalOrder())
                .orElse(null);
        ConversationMessage row = table.create(request, Ids.next(), timestamp(now.get(), latest));
        rows.insert(row);
        return row;
    }

    /** The store's time, or one microsecond after {@code latest} when the clock does not read later. */
    private static Instant timestamp(Instant now, Instant latest) {
        if (latest == null || now.isAfter(latest)) {
            return now;
        }
        Instant next = latest.plus(1, ChronoUnit.MICROS);
        return next.isAfter(Check.MAX_INSTANT) ? latest : next;
    }

    @Override
    public Page<ConversationMessage> listByConversation(UserId userId, ConversationId conversationId, PageRequest page) {
        PageRequest.TimeKey after = page.afterTimeKey();
        if (tables.table(MemoryTables.CONVERSATIONS).get(userId.value(), conversationId.value()) == null) {
            throw new NotFoundException("conversation", conversationId);
        }
        List<ConversationMessage> fetched = messages(conversationId.value()).stream()
                .filter(m -> m.userId().equals(userId))
                .filter(m -> after == null || m.timestamp().isAfter(after.time())
                        || m.timestamp().equals(after.time()) && Ids.ORDER.compare(m.id().value(), after.key()) > 0)
                .sorted(ORDER)
                .limit(page.limit() + 1L)
                .toList();
        return Page.ofTimeKey(fetched, page.limit(), ConversationMessage::timestamp, m -> m.id().value());
    }

    /** The messages of a conversation, in any order. */
    private List<ConversationMessage> messages(UUID conversation) {
        return rows.referencing(BY_CONVERSATION, conversation).stream().map(rows::get).filter(Objects::nonNull).toList();
    }
}
