package io.plinth.postgres.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plinth.core.PageRequest;
import io.plinth.core.Store;
import io.plinth.postgres.PostgresStore;
import io.plinth.tenancy.NewUser;
import io.plinth.tenancy.User;
import io.plinth.testkit.TestClock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link PostgresExtension#create()}: on the embedded default (or {@code PLINTH_TEST_JDBC_URL}), each test
 * gets a PostgresStore of its own on its own schema, with the TestClock the store runs on.
 */
class PostgresExtensionTest {
    @RegisterExtension
    static PostgresExtension plinth = PostgresExtension.create();

    private static final Set<String> SCHEMAS = new HashSet<>();

    @Test
    void aTestGetsAnEmptyPostgresStoreOnASchemaOfItsOwn(Store store, PostgresStore same) {
        assertSame(store, same, "one store per test, whichever type the parameter names");
        assertTrue(same.schema().startsWith("plinth_test_"), same.schema());
        assertTrue(SCHEMAS.add(same.schema()), "a new schema per test");
        assertTrue(store.users().list(PageRequest.first()).items().isEmpty());
        store.users().create(NewUser.of("ada@example.com", "Ada"));   // the other test makes her too: no conflict
    }

    @Test
    void anotherTestStartsEmptyToo(PostgresStore store) {
        assertTrue(SCHEMAS.add(store.schema()), "a new schema per test");
        assertTrue(store.users().list(PageRequest.first()).items().isEmpty());
        store.users().create(NewUser.of("ada@example.com", "Ada"));
    }

    @Test
    void theStoreRunsOnTheTestsClock(TestClock clock, Store store) {
        clock.advance(Duration.ofDays(400));
        User ada = store.users().create(NewUser.of("ada@example.com", "Ada"));
        assertEquals(clock.instant(), ada.createdAt());
        assertNotEquals(null, plinth.toString());
    }
}
