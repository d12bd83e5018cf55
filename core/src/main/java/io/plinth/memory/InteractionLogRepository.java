package io.plinth.memory;

import io.plinth.core.AppendRepository;
import io.plinth.core.Page;
import io.plinth.core.PageRequest;
import io.plinth.core.ReadOnly;
import io.plinth.tenancy.UserId;
import java.time.Instant;
import java.util.List;

/**
 * A user's {@link InteractionLog} rows: high-volume and append-only. No call changes or deletes
 * one, and the database refuses UPDATE, DELETE and TRUNCATE of {@code interaction_logs} (only
 * deleting the user removes them).
 */
public interface InteractionLogRepository extends AppendRepository<UserId, InteractionLogId, NewInteractionLog, InteractionLog> {
    /** The most logs one {@link #appendAll} takes. */
    int MAX_BATCH = 10_000;

    /**
     * Appends a batch of logs, all or nothing: every log gets its own new id (in the order of the
     * list, ascending) and the same {@code timestamp}, the store's time. The logs may belong to
     * different users. On PostgreSQL the batch is one {@code INSERT … SELECT FROM unnest(…)}
     * statement, one round trip. An empty list writes nothing.
     *
     * @return the logs as stored, in the order given
     * @throws io.plinth.core.InvalidInputException on {@code logs} when the list holds a null or
     *         more than {@link #MAX_BATCH} logs
     * @throws io.plinth.core.NotFoundException when a log's user does not exist; nothing is written
     */
    List<InteractionLog> appendAll(List<NewInteractionLog> logs);

    /**
     * The user's logs whose {@code timestamp} lies in the half-open range {@code [from, to)},
     * ordered by {@code (timestamp, id)} and keyset-paged: the cursor carries both, so logs with
     * equal timestamps are neither skipped nor repeated across pages. Served on PostgreSQL by the
     * index {@code interaction_logs_user_id_timestamp_idx}.
     *
     * @throws io.plinth.core.InvalidInputException on {@code from} when {@code from} is after
     *         {@code to}; on {@code after} when the page's cursor is not one of this listing
     */
    @ReadOnly
    Page<InteractionLog> listBetween(UserId userId, Instant from, Instant to, PageRequest page);
}
