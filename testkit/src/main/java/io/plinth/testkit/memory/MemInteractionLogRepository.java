package io.plinth.testkit.memory;

import io.plinth.core.Check;
import io.plinth.core.Ids;
import io.plinth.core.InvalidInputException;
import io.plinth.core.Page;
import io.plinth.core.PageRequest;
import io.plinth.memory.InteractionLog;
import io.plinth.memory.InteractionLogId;
import io.plinth.memory.InteractionLogRepository;
import io.plinth.memory.MemoryTables;
import io.plinth.memory.NewInteractionLog;
import io.plinth.tenancy.UserId;
import io.plinth.testkit.MemCrudRepository;
import io.plinth.testkit.Tables;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/** In-memory {@link InteractionLogRepository}. Internal to the test kit. */
public final class MemInteractionLogRepository
        extends MemCrudRepository<UserId, InteractionLogId, NewInteractionLog, InteractionLog>
        implements InteractionLogRepository {
    /** The order of {@link #listBetween}: timestamp, then id as PostgreSQL orders uuids. */
    private static final Comparator<InteractionLog> ORDER = Comparator.comparing(InteractionLog::timestamp)
            .thenComparing(l -> l.id().value(), Ids.ORDER);

    public MemInteractionLogRepository(Tables tables, Supplier<Instant> now) {
        super(tables, MemoryTables.INTERACTION_LOGS, now);
    }

    @Override
    public List<InteractionLog> appendAll(List<NewInteractionLog> logs) {
        checkBatch(logs);
        Instant at = now.get();
        List<InteractionLog> stored = new ArrayList<>(logs.size());
        for (NewInteractionLog log : logs) {
            InteractionLog row = table.create(log, Ids.next(), at);
            rows.insert(row);
            stored.add(row);
        }
        return List.copyOf(stored);
    }

    /** The rules of a batch, the same on every store. */
    static void checkBatch(List<NewInteractionLog> logs) {
        if (logs.size() > MAX_BATCH) {
            throw new InvalidInputException("logs", "must hold at most " + MAX_BATCH + " logs");
        }
        for (NewInteractionLog log : logs) {
            if (log == null) {
                throw new InvalidInputException("logs", "must not hold null");
            }
        }
    }

    @Override
    public Page<InteractionLog> listBetween(UserId userId, Instant from, Instant to, PageRequest page) {
        Check.notAfter("from", from, "to", to);
        PageRequest.TimeKey after = page.afterTimeKey();
        List<InteractionLog> found = new ArrayList<>();
        for (InteractionLog log : rows.rows()) {
            if (log.userId().equals(userId) && !log.timestamp().isBefore(from) && log.timestamp().isBefore(to)
                    && (after == null || isAfter(log, after))) {
                found.add(log);
            }
        }
        found.sort(ORDER);
        List<InteractionLog> fetched = found.subList(0, Math.min(found.size(), page.limit() + 1));
        return Page.ofTimeKey(fetched, page.limit(), InteractionLog::timestamp, l -> l.id().value());
    }

    private static boolean isAfter(InteractionLog log, PageRequest.TimeKey key) {
        int c = log.timestamp().compareTo(key.time());
        return c > 0 || c == 0 && Ids.ORDER.compare(log.id().value(), key.key()) > 0;
    }
}
