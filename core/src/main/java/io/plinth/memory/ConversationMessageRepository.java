package io.plinth.memory;

import io.plinth.core.AppendRepository;
import io.plinth.core.Page;
import io.plinth.core.PageRequest;
import io.plinth.core.ReadOnly;
import io.plinth.tenancy.UserId;

/**
 * A user's {@link ConversationMessage} rows, append-only: {@link #create} appends a message to its
 * conversation, and messages are never changed nor deleted, except with their conversation or user.
 *
 * <p><b>Appending</b> ({@link #create}) checks, in this order, each an
 * {@link io.plinth.core.InvalidInputException} with nothing written:
 * <ol>
 *   <li>{@code conversationId}: the conversation exists and is the user's ({@code userId});</li>
 *   <li>{@code mediaIds}: every id names an existing media item of the same user.</li>
 * </ol>
 *
 * <p><b>One total order per conversation.</b> Messages are listed by {@code (timestamp, id)}. A
 * message's timestamp is the store's time, or one microsecond after the conversation's latest
 * message when the store's clock does not read later than that (a clock moved back, another
 * application server's clock behind, or two appends within a microsecond). So timestamps within a
 * conversation strictly increase in append order, whatever the clocks do, and the listing is the
 * order in which appends were made. Appends to one conversation are serialized: on PostgreSQL an
 * append locks the conversation's row ({@code FOR NO KEY UPDATE}) before it reads the latest
 * timestamp and writes, and holds the lock until its unit of work commits; the in-memory store runs
 * one unit of work at a time. An append therefore never becomes visible before a message that sorts
 * after it, so a reader paging through a conversation misses nothing appended meanwhile: it comes
 * after the cursor. (Rows written by other clients with their own timestamps are listed by
 * {@code (timestamp, id)} too; only Plinth's appends carry the guarantee.) Inside a unit of work the
 * lock is held until the work ends: keep such work short, and append to several conversations in
 * one order, or a deadlock makes the store run the work again.
 */
public interface ConversationMessageRepository extends AppendRepository<UserId, MessageId, NewConversationMessage, ConversationMessage> {
    /**
     * The conversation's messages ordered by {@code (timestamp, id)}, keyset-paged: the cursor holds
     * the last message's timestamp and id, so the next page starts exactly after it; a cursor of
     * another listing is an {@link io.plinth.core.InvalidInputException} on {@code after}.
     *
     * @throws io.plinth.core.NotFoundException when the conversation does not exist in the user's
     *         rows (another user's conversation included)
     */
    @ReadOnly
    Page<ConversationMessage> listByConversation(UserId userId, ConversationId conversationId, PageRequest page);
}
