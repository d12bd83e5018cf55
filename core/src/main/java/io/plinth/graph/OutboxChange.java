package io.plinth.graph;

import io.plinth.core.Check;
import java.util.Optional;
import java.util.UUID;

/**
 * One record of the {@link Outbox}: a mirrored row changed. It carries the row's state as PostgreSQL
 * held it when the record was read, not as the change left it, so applying it is idempotent and
 * applying the changes of a batch in order leaves a projection at that state.
 *
 * @param position where the record stands in the outbox
 * @param table    the changed row's table
 * @param id       the changed row's primary key
 * @param userId   the changed row's user
 * @param row      the row as it is now, or empty when it no longer exists
 */
public record OutboxChange(OutboxPosition position, MirroredTable table, UUID id, UUID userId,
                           Optional<MirroredRow> row) {
    public OutboxChange {
        Check.required("position", position);
        Check.required("table", table);
        Check.required("id", id);
        Check.required("userId", userId);
        Check.required("row", row);
    }
}
