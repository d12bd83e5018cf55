package io.plinth.memory;

import io.plinth.core.CrudRepository;
import io.plinth.tenancy.UserId;

/** A user's {@link Media} rows. */
public interface MediaRepository extends CrudRepository<UserId, MediaId, NewMedia, Media> {
}
