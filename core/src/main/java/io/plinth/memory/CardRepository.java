package io.plinth.memory;

import io.plinth.core.CrudRepository;
import io.plinth.tenancy.UserId;

/**
 * A user's {@link Card} rows. A card presents one entity of its user, named by
 * {@code sourceEntityType} and {@code sourceEntityId}: {@link #create} refuses, with an
 * {@link io.plinth.core.InvalidInputException} on {@code sourceEntityId} and nothing written, an id
 * that names no {@link CardSourceType#MEMORY_UNIT memory unit}, {@link CardSourceType#CONCEPT concept},
 * {@link CardSourceType#DERIVED_ARTIFACT derived artifact} or
 * {@link CardSourceType#PROACTIVE_PROMPT proactive prompt} (as the type says) of the same user. The
 * source is fixed once the card exists; status, favourite and the display data change through
 * {@link #update}. Deleting a card keeps the conversations started from it and clears their
 * {@code sourceCardId}.
 */
public interface CardRepository extends CrudRepository<UserId, CardId, NewCard, Card> {
}
