package io.plinth.memory;

import io.plinth.core.AppendRepository;
import io.plinth.tenancy.UserId;

/** A user's {@link InteractionLog} rows, append-only. */
public interface InteractionLogRepository extends AppendRepository<UserId, InteractionLogId, NewInteractionLog, InteractionLog> {
}
