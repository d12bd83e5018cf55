package io.plinth.memory;

import io.plinth.core.CrudRepository;
import io.plinth.tenancy.UserId;

/**
 * A user's {@link Conversation} rows. A conversation is created {@link ConversationStatus#ACTIVE active};
 * its status then only moves forward, active → ended → processing → processed, through
 * {@link #advance}. The generic {@link #update} never changes {@code status} nor {@code endedAt}.
 */
public interface ConversationRepository extends CrudRepository<UserId, ConversationId, NewConversation, Conversation> {
    /**
     * Moves the conversation's status forward to {@code status} and returns it as stored, with the
     * next version.
     * <ul>
     *   <li>Any later status is a legal move, the next one or one further on (an active conversation
     *       may go straight to {@code processing}); the same or an earlier status is refused.</li>
     *   <li>When the conversation leaves {@code active}, {@code endedAt} becomes the store's time;
     *       later moves keep it.</li>
     *   <li>The move is one atomic step, decided against the status as stored when it is made: of
     *       concurrent calls for one conversation, exactly those that are legal in the order the
     *       store applies them succeed, the others get a {@link io.plinth.core.ConflictException}.
     *       So {@code advance(u, c, PROCESSING)} claims an ended conversation for exactly one
     *       worker. On PostgreSQL it is one conditional {@code UPDATE}, which waits for a concurrent
     *       one on the same row and re-checks the stored status after it commits.</li>
     * </ul>
     * It does not take the conversation's version: a move is decided by the status alone. It changes
     * the version, so a concurrent {@link #update} of a copy read before the move is stale.
     *
     * @throws io.plinth.core.NotFoundException when the conversation does not exist in the user's
     *         rows
     * @throws io.plinth.core.ConflictException when the stored status is {@code status} or comes
     *         after it: a repeated or backward move (the request itself is valid; the stored state
     *         refuses it, as with a stale version), with nothing written
     */
    Conversation advance(UserId userId, ConversationId conversationId, ConversationStatus status);
}
