package io.plinth.testkit.memory;

import io.plinth.core.InvalidInputException;
import io.plinth.core.table.Table;
import io.plinth.memory.Card;
import io.plinth.memory.CardId;
import io.plinth.memory.CardRepository;
import io.plinth.memory.MemoryTables;
import io.plinth.memory.NewCard;
import io.plinth.tenancy.UserId;
import io.plinth.testkit.MemCrudRepository;
import io.plinth.testkit.Tables;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * In-memory {@link CardRepository}: the generic calls, and a create that refuses a source entity
 * that is not the user's. Internal to the test kit.
 */
public final class MemCardRepository extends MemCrudRepository<UserId, CardId, NewCard, Card> implements CardRepository {

    public MemCardRepository(Tables tables, Supplier<Instant> now) {
        super(tables, MemoryTables.CARDS, now);
    }

    @Override
    public Card create(NewCard request) {
        Table<?, ?> source = MemoryTables.cardSource(request.sourceEntityType());
        if (tables.table(source).get(request.userId().value(), request.sourceEntityId()) == null) {
            throw new InvalidInputException("sourceEntityId", "must name a " + source.entity() + " of the same user");
        }
        return super.create(request);
    }
}
