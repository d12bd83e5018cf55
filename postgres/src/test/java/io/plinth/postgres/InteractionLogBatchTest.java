package io.plinth.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.plinth.core.PageRequest;
import io.plinth.core.Store;
import io.plinth.memory.InteractionLog;
import io.plinth.memory.InteractionLogRepository;
import io.plinth.memory.NewInteractionLog;
import io.plinth.postgres.memory.PgInteractionLogRepository;
import io.plinth.postgres.sql.PlinthArgumentsPlugin;
import io.plinth.tenancy.NewUser;
import io.plinth.tenancy.User;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.Test;

/** A batch of interaction logs, however large, is one SQL statement. */
class InteractionLogBatchTest {

    @Test
    void aFullBatchIsOneStatement() {
        Store store = TestDatabase.emptyStore(Clock.systemUTC());
        User user = store.users().create(NewUser.of("busy@example.com", "Busy"));
        AtomicInteger statements = new AtomicInteger();
        Jdbi jdbi = Jdbi.create(TestDatabase.dataSource()).installPlugin(new PlinthArgumentsPlugin());
        jdbi.setSqlLogger(new SqlLogger() {
            @Override
            public void logBeforeExecution(StatementContext context) {
                statements.incrementAndGet();
            }
        });
        List<NewInteractionLog> batch = new ArrayList<>();
        for (int i = 0; i < InteractionLogRepository.MAX_BATCH; i++) {
            batch.add(new NewInteractionLog(user.id(), "view", "card-" + i, null, "Looked " + i, null, null));
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<InteractionLog> stored;
        try (Handle handle = jdbi.open()) {
            stored = new PgInteractionLogRepository(PgSession.of(handle), () -> now).appendAll(batch);
        }
        assertEquals(1, statements.get());
        assertEquals(stored.subList(0, 1000), store.interactions().list(user.id(), PageRequest.first(1000)).items());
        store.close();
    }
}
