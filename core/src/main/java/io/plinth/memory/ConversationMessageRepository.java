package io.plinth.memory;

import io.plinth.core.AppendRepository;
import io.plinth.tenancy.UserId;

/** A user's {@link ConversationMessage} rows, append-only. */
public interface ConversationMessageRepository extends AppendRepository<UserId, MessageId, NewConversationMessage, ConversationMessage> {
}
