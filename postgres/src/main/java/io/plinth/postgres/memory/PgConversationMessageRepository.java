package io.plinth.postgres.memory;

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
import io.plinth.postgres.PgCrudRepository;
import io.plinth.postgres.sql.Columns;
import io.plinth.postgres.sql.TableSql;
import io.plinth.tenancy.UserId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import io.plinth.postgres.PgSession;
import org.jdbi.v3.core.Handle;

/**
 * PostgreSQL {@link ConversationMessageRepository}. An append locks its conversation's row
 * ({@code FOR NO KEY UPDATE}, which does not block the key-share locks of other tables' foreign
 * keys), then — in a statement of its own, so that it sees every append committed while it waited —
 * reads the conversation's latest timestamp, and inserts with a later one. The lock is held until
 * the unit of work commits, so appends to one conversation commit one after the other in timestamp
 * order. The media items named by the message are locked {@code FOR KEY SHARE} while they are checked.
 */
public final class PgConversationMessageRepository
        extends PgCrudRepository<UserId, MessageId, NewConversationMessage, ConversationMessage>
        implements ConversationMessageRepository {
    private static final String LOCK_CONVERSATION =
            "SELECT id FROM conversations WHERE id = :id AND user_id = :tenant FOR NO KEY UPDATE";
    private static final String LATEST =
            "SELECT max(\"timestamp\") AS latest FROM conversation_messages WHERE conversation_id = :conversation";
    private static final String MEDIA = "SELECT media_id FROM media_items WHERE user_id = :tenant"
            + " AND media_id = ANY (CAST(:ids AS uuid[])) FOR KEY SHARE";
    private static final String COLUMNS = MemoryTables.CONVERSATION_MESSAGES.columns().stream()
            .map(c -> "\"" + c.name() + "\"").collect(Collectors.joining(", "));
    private static final String LIST = "SELECT " + COLUMNS + " FROM conversation_messages"
            + " WHERE conversation_id = :conversation AND user_id = :tenant%s ORDER BY \"timestamp\", id LIMIT <limit>";
    private static final String FIRST_PAGE = String.format(LIST, "");
    private static final String NEXT_PAGE = String.format(LIST, " AND (\"timestamp\", id) > (:time, :after)");

    public PgConversationMessageRepository(PgSession session, Supplier<Instant> now) {
        super(session, MemoryTables.CONVERSATION_MESSAGES, now);
    }

    @Override
    public ConversationMessage create(NewConversationMessage request) {
        UUID user = request.userId().value();
        UUID conversation = request.conversationId().value();
        boolean locked = handle().createQuery(LOCK_CONVERSATION).bind("id", conversation).bind("tenant", user)
                .mapTo(UUID.class).findOne().isPresent();
        if (!locked) {
            throw new InvalidInputException("conversationId", "must name a conversation of the same user");
        }
        if (!request.mediaIds().isEmpty()) {
            Set<String> found = new HashSet<>(handle().createQuery(MEDIA).bind("tenant", user)
                    .bindArray("ids", String.class, request.mediaIds()).mapTo(UUID.class).map(UUID::toString).list());
            for (String id : request.mediaIds()) {
                if (!found.contains(id)) {
                    throw new InvalidInputException("mediaIds", "must name media items of the same user; " + id + " is none");
                }
            }
        }
        Instant latest = handle().createQuery(LATEST).bind("conversation", conversation)
                .map((rs, ctx) -> Columns.instant(rs, "latest")).one();
        return insert(table.create(request, Ids.next(), timestamp(now.get(), latest)));
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
        boolean exists = handle().createQuery(TableSql.of(MemoryTables.CONVERSATIONS).exists())
                .bind("id", conversationId.value()).bind("tenant", userId.value()).mapTo(Boolean.class).one();
        if (!exists) {
            throw new NotFoundException("conversation", conversationId);
        }
        var query = handle().createQuery(after == null ? FIRST_PAGE : NEXT_PAGE)
                .bind("conversation", conversationId.value()).bind("tenant", userId.value())
                .define("limit", page.limit() + 1);
        if (after != null) {
            query.bind("time", after.time()).bind("after", after.key());
        }
        List<ConversationMessage> fetched = query.map(sql.mapper()).list();
        return Page.ofTimeKey(fetched, page.limit(), ConversationMessage::timestamp, m -> m.id().value());
    }
}
