package io.plinth.postgres.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.plinth.core.PageRequest;
import io.plinth.core.Store;
import io.plinth.tenancy.NewUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link PostgresExtension#container}: PostgreSQL 17 in a Testcontainers container where a Docker engine
 * runs; elsewhere (as on the build machine, which has none) this class's store test is skipped, and the
 * reason says so ({@link PostgresExtensionConditionTest}).
 */
class PostgresExtensionContainerTest {
    @RegisterExtension
    static PostgresExtension plinth = PostgresExtension.container("postgres:17");

    @Test
    void aTestGetsAStoreInTheContainer(Store store) {
        store.users().create(NewUser.of("ada@example.com", "Ada"));
        assertEquals(1, store.users().list(PageRequest.first()).items().size());
    }
}
