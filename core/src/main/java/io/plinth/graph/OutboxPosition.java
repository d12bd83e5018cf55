package io.plinth.graph;

/**
 * Where a record stands in the {@link Outbox}: records are read in (transaction, id) order.
 *
 * @param xid the id of the transaction that wrote the record
 * @param id  the record's own id
 */
public record OutboxPosition(long xid, long id) implements Comparable<OutboxPosition> {
    /** Before every record: where a new consumer starts. */
    public static final OutboxPosition START = new OutboxPosition(0, 0);

    @Override
    public int compareTo(OutboxPosition other) {
        int byXid = Long.compare(xid, other.xid);
        return byXid != 0 ? byXid : Long.compare(id, other.id);
    }
}
