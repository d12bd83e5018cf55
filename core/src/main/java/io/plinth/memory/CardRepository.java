package io.plinth.memory;

import io.plinth.core.CrudRepository;
import io.plinth.tenancy.UserId;

/** A user's {@link Card} rows. */
public interface CardRepository extends CrudRepository<UserId, CardId, NewCard, Card> {
}
