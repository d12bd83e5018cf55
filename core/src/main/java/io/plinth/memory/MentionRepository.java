package io.plinth.memory;

import io.plinth.core.CrudRepository;
import io.plinth.tenancy.UserId;

/** A user's {@link Mention mentions}: which memory unit mentions which concept, and how strongly. */
public interface MentionRepository extends CrudRepository<UserId, MentionId, NewMention, Mention> {
}
