package io.plinth.graph;

import io.plinth.tenancy.UserId;
import java.util.List;

/**
 * The changes to the rows that projections mirror ({@link MirroredTable}), recorded by PostgreSQL in
 * the same transaction as each change, and read by any number of consumers (the graph projector, a
 * vector indexer), each from its own durable checkpoint.
 *
 * <p>Guarantees: every committed change has a record and every record a committed change; a consumer
 * that polls and acknowledges what it polled sees every record after its checkpoint exactly once, in
 * (transaction, id) order, never skipping one that commits later (see migration V13). Several records of
 * one row may come in one batch; each carries the row's current state. A transaction still running
 * anywhere on the database server (transaction ids are server-wide) holds back the records committed
 * after it started until it ends: {@link #poll} may return nothing while {@link #lag} is not 0.
 *
 * <p>Implementations are thread-safe; one consumer name is meant to be read by one process at a time.
 */
public interface Outbox {
    /** The longest batch {@link #poll} returns. */
    int MAX_BATCH = 10_000;

    /**
     * The next records after the consumer's checkpoint (or from the start for a new consumer), at most
     * {@code limit}, in order, each with its row's current state. Only records whose transactions, and
     * all earlier ones, have ended are returned, so none can appear before them later. Moves nothing:
     * call {@link #acknowledge} once they are applied.
     *
     * @param consumer 1 to 100 characters
     * @param limit    1 to {@value #MAX_BATCH}
     */
    List<OutboxChange> poll(String consumer, int limit);

    /** Moves the consumer's durable checkpoint to {@code position}; never moves it back. */
    void acknowledge(String consumer, OutboxPosition position);

    /** The consumer's checkpoint ({@link OutboxPosition#START} for a new consumer). */
    OutboxPosition checkpoint(String consumer);

    /**
     * The position of the last committed record ({@link OutboxPosition#START} when there is none): a
     * consumer whose checkpoint reached it has applied every change committed before this call.
     */
    OutboxPosition head();

    /**
     * Deletes the records that every consumer has passed: those at or before the lowest checkpoint of all
     * the consumers that have one ({@link #acknowledge} made it), in steps of at most {@value #MAX_BATCH}
     * records each committed on its own; returns how many it deleted. With no consumer, nothing is deleted.
     * A consumer that must not miss a record registers before it starts reading by acknowledging
     * {@link OutboxPosition#START}, which holds every record until it acknowledges more; a consumer added
     * later starts from the records left, and rebuilds its projection first.
     */
    long prune();

    /** How many committed records lie after the consumer's checkpoint (those held back by a running transaction included). */
    long lag(String consumer);

    /**
     * Every mirrored row of a user as it is now: the user's own row first (none for an unknown user),
     * then communities, memory units, concepts, derived artifacts, mentions, relations, conversation
     * messages and cards, each by id.
     */
    List<MirroredRow> rows(UserId userId);

    /** Every user's id, in id order. */
    List<UserId> users();
}
