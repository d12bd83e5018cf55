package io.plinth.memory;

import io.plinth.core.CrudRepository;
import io.plinth.tenancy.UserId;

/**
 * A user's {@link MemoryUnit} rows. A memory unit keeps the {@code creationTs} the caller gives
 * (truncated to microseconds) and takes its {@code ingestionTs} from the store's clock when created;
 * neither changes on update. Its {@code sourceConversationId} names a conversation of the same user
 * ({@link io.plinth.core.InvalidInputException} on {@code sourceConversationId} otherwise) and becomes
 * null when that conversation is deleted. Deleting a memory unit detaches the media and derived
 * artifacts made from it.
 */
public interface MemoryUnitRepository extends CrudRepository<UserId, MemoryUnitId, NewMemoryUnit, MemoryUnit> {
}
