package io.plinth.cli.bench;

import io.plinth.core.Page;
import io.plinth.core.PageRequest;
import io.plinth.memory.InteractionLogRepository;
import io.plinth.memory.MemoryUnit;
import io.plinth.memory.MemoryUnitId;
import io.plinth.memory.MemoryUnitRepository;
import io.plinth.memory.NewInteractionLog;
import io.plinth.memory.NewMemoryUnit;
import io.plinth.postgres.PostgresStore;
import io.plinth.tenancy.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The Plinth side: each {@linkplain CrudBench.Operation operation} as an application writes it,
 * through the store's auto-commit repositories ({@code store.memoryUnits()},
 * {@code store.interactions()}), each call its own unit of work.
 */
final class PlinthCrud {
    private final MemoryUnitRepository units;
    private final InteractionLogRepository logs;
    private final CrudBench.Data data;

    PlinthCrud(PostgresStore store, CrudBench.Data data) {
        this.units = store.memoryUnits();
        this.logs = store.interactions();
        this.data = data;
    }

    /** A client for one thread doing {@code operation} over and over. */
    Phase.Client client(CrudBench.Operation operation, int index) {
        UserId user = data.users[index];
        UUID[] ids = data.ids[index];
        return switch (operation) {
            case GET -> () -> {
                units.get(user, new MemoryUnitId(ids[ThreadLocalRandom.current().nextInt(ids.length)]));
                return 1;
            };
            case CREATE -> () -> {
                units.create(new NewMemoryUnit(user, "created", "Something worth remembering.", Instant.now(), 0.5,
                        null, null));
                data.created.increment();
                return 1;
            };
            case UPDATE -> new Phase.Client() {
                private long next;

                @Override
                public int call() {
                    MemoryUnit[] rows = data.units[index];
                    int i = ThreadLocalRandom.current().nextInt(rows.length);
                    rows[i] = units.update(rows[i].withTitle("updated " + next++));
                    data.updated.increment();
                    return 1;
                }
            };
            case PAGE -> () -> {
                UUID after = ids[ThreadLocalRandom.current().nextInt(ids.length - CrudBench.PAGE)];
                Page<MemoryUnit> page = units.list(user, new PageRequest(PageRequest.cursorOf(after), CrudBench.PAGE));
                if (page.items().size() != CrudBench.PAGE) {
                    throw new IllegalStateException("a page came back short: " + page.items().size());
                }
                return 1;
            };
            case APPEND_ALL -> () -> {
                List<NewInteractionLog> batch = new ArrayList<>(CrudBench.BATCH);
                for (int i = 0; i < CrudBench.BATCH; i++) {
                    batch.add(log(user, i));
                }
                logs.appendAll(batch);
                data.appended.increment();
                return 1;
            };
        };
    }

    /** The {@code i}th interaction log of a batch: the same values the baseline writes. */
    static NewInteractionLog log(UserId user, int i) {
        return new NewInteractionLog(user, "view", "card-" + i, "card", "looked at a card", null, null);
    }
}
