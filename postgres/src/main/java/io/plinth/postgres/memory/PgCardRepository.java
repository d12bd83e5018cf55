package io.plinth.postgres.memory;

import io.plinth.core.InvalidInputException;
import io.plinth.core.table.Table;
import io.plinth.memory.Card;
import io.plinth.memory.CardId;
import io.plinth.memory.CardRepository;
import io.plinth.memory.MemoryTables;
import io.plinth.memory.NewCard;
import io.plinth.postgres.PgCrudRepository;
import io.plinth.tenancy.UserId;
import java.time.Instant;
import java.util.function.Supplier;
import io.plinth.postgres.PgSession;
import org.jdbi.v3.core.Handle;

/**
 * PostgreSQL {@link CardRepository}: the generic calls, and a create that refuses a source entity
 * that is not the user's. The look-up takes a {@code FOR KEY SHARE} lock on the source row, so it
 * cannot be deleted between the check and the card's commit.
 */
public final class PgCardRepository extends PgCrudRepository<UserId, CardId, NewCard, Card> implements CardRepository {

    public PgCardRepository(PgSession session, Supplier<Instant> now) {
        super(session, MemoryTables.CARDS, now);
    }

    @Override
    public Card create(NewCard request) {
        Table<?, ?> source = MemoryTables.cardSource(request.sourceEntityType());
        boolean found = handle().createQuery("SELECT 1 FROM " + source.name() + " WHERE " + source.idColumn() + " = :id AND "
                        + source.tenantColumn() + " = :tenant FOR KEY SHARE")
                .bind("id", request.sourceEntityId()).bind("tenant", request.userId().value())
                .mapTo(Integer.class).findOne().isPresent();
        if (!found) {
            throw new InvalidInputException("sourceEntityId", "must name a " + source.entity() + " of the same user");
        }
        return super.create(request);
    }
}
