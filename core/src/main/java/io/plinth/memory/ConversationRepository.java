package io.plinth.memory;

import io.plinth.core.CrudRepository;
import io.plinth.tenancy.UserId;

/** A user's {@link Conversation} rows. */
public interface ConversationRepository extends CrudRepository<UserId, ConversationId, NewConversation, Conversation> {
}
