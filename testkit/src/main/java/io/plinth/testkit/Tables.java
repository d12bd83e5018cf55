package io.plinth.testkit;

import io.plinth.core.Ids;
import io.plinth.ledger.Account;
import io.plinth.ledger.Entry;
import io.plinth.ledger.Transfer;
import io.plinth.klepsydra.PulseProfile;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import io.plinth.core.table.ForeignKey;
import io.plinth.core.table.Schema;
import io.plinth.core.table.Table;

/**
 * The in-memory store's tables — one map per PostgreSQL table, ordered like its primary key — and
 * the undo journal that makes units of work atomic. Every change goes through {@link #put} or
 * {@link #remove}, which remember how to undo it. Internal to the test kit (left out of the Javadoc): the maps are public
 * only so that each context's repositories, in their own packages, can reach them.
 */
public final class Tables {
    /** Primary key of {@code ledger_entries}. */
    public record EntryKey(UUID accountId, long sequence) {
        static final Comparator<EntryKey> ORDER = Comparator.comparing(EntryKey::accountId, Ids.ORDER)
                .thenComparingLong(EntryKey::sequence);
    }

    /** A unique key of {@code ledger_transfers}: the idempotency key within a workspace. */
    public record TransferKey(UUID workspaceId, String idempotencyKey) {
    }

    public final Map<UUID, Account> accounts = new TreeMap<>(Ids.ORDER);
    public final Map<UUID, Transfer> transfers = new TreeMap<>(Ids.ORDER);
    public final Map<TransferKey, UUID> transferKeys = new HashMap<>();
    /** Pending transfer id to the id of the transfer that resolved it. */
    public final Map<UUID, UUID> resolutions = new HashMap<>();
    public final TreeMap<EntryKey, Entry> entries = new TreeMap<>(EntryKey.ORDER);
    public final Map<UUID, PulseProfile> pulseProfiles = new TreeMap<>(Ids.ORDER);

    private final Deque<Runnable> undo = new ArrayDeque<>();
    /** How deep {@link #deleted} is nested: a delete and the cascades it sets off are one statement. */
    private int deleting;
    /** Checks that run when the outermost delete has cascaded ({@link io.plinth.core.table.OnDelete#NO_ACTION}). */
    private final List<Runnable> endOfStatement = new java.util.ArrayList<>();
    /** The declared tables ({@link io.plinth.core.table.Schema}), made on first use. */
    private final Map<String, MemTable<?>> declared = new HashMap<>();

    /** The rows of a declared table. */
    @SuppressWarnings("unchecked")
    public <R> MemTable<R> table(Table<?, R> table) {
        return (MemTable<R>) declared.computeIfAbsent(table.name(), name -> new MemTable<>(table, this));
    }

    /** Whether table {@code name} holds a row with primary key {@code key} (a foreign key's check). */
    public boolean exists(String name, UUID key) {
        return table(Schema.named(name)).get(key) != null;
    }

    /**
     * A row of table {@code name} with primary key {@code key} was deleted: applies the on-delete
     * rule of every declared foreign key that references it (cascading further as PostgreSQL does).
     * As in PostgreSQL, a {@link io.plinth.core.table.OnDelete#NO_ACTION} reference is checked once the
     * outermost delete has cascaded, so rows deleted by the same cascade (a user's concepts merged into
     * one another) do not block it; {@link io.plinth.core.table.OnDelete#RESTRICT} is checked at once.
     */
    public void deleted(String name, UUID key) {
        boolean outermost = deleting == 0;
        deleting++;
        try {
            for (Table<?, ?> child : Schema.referencing(name)) {
                MemTable<?> rows = table(child);
                for (ForeignKey fk : child.foreignKeys()) {
                    if (fk.table().equals(name)) {
                        rows.parentDeleted(fk, key);
                    }
                }
            }
            if (outermost) {
                for (int i = 0; i < endOfStatement.size(); i++) {
                    endOfStatement.get(i).run();
                }
            }
        } finally {
            deleting--;
            if (outermost) {
                endOfStatement.clear();
            }
        }
    }

    /** Runs {@code check} when the delete being cascaded is complete (see {@link #deleted}). */
    void atEndOfDelete(Runnable check) {
        endOfStatement.add(check);
    }

    /** Puts a row, remembering the row it replaces. */
    public <K, V> void put(Map<K, V> table, K key, V row) {
        V old = table.put(key, row);
        undo.push(old == null ? () -> table.remove(key) : () -> table.put(key, old));
    }

    /** Removes a row, remembering it. */
    public <K, V> void remove(Map<K, V> table, K key) {
        V old = table.remove(key);
        if (old != null) {
            undo.push(() -> table.put(key, old));
        }
    }

    /** Removes every row matching {@code condition}. */
    public <K, V> void removeIf(Map<K, V> table, Predicate<V> condition) {
        List<K> doomed = table.entrySet().stream().filter(e -> condition.test(e.getValue())).map(Map.Entry::getKey).toList();
        doomed.forEach(key -> remove(table, key));
    }

    /** A point to roll back to. */
    int mark() {
        return undo.size();
    }

    /** Undoes every change made since {@code mark}. */
    void rollbackTo(int mark) {
        while (undo.size() > mark) {
            undo.pop().run();
        }
    }

    /** Keeps every change: forgets how to undo them. */
    void commit() {
        undo.clear();
    }
}
