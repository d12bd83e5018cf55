package io.plinth.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plinth.core.PageRequest;
import io.plinth.core.Store;
import io.plinth.tenancy.NewUser;
import io.plinth.tenancy.User;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The in-memory extension: a fresh store per test, on the test's clock. */
@ExtendWith(PlinthExtension.class)
class PlinthExtensionTest {
    @Test
    void aTestGetsAnEmptyInMemoryStoreOnItsClock(Store store, InMemoryStore same, TestClock clock) {
        assertSame(store, same);
        assertTrue(store.users().list(PageRequest.first()).items().isEmpty());
        clock.advance(Duration.ofHours(3));
        User ada = store.users().create(NewUser.of("ada@example.com", "Ada"));
        assertEquals(clock.instant(), ada.createdAt());
    }

    @Test
    void anotherTestStartsEmpty(Store store) {
        assertTrue(store.users().list(PageRequest.first()).items().isEmpty());
        store.users().create(NewUser.of("ada@example.com", "Ada"));
    }
}
