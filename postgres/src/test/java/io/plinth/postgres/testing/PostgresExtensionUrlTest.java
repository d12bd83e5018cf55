package io.plinth.postgres.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plinth.postgres.PostgresStore;
import io.plinth.postgres.TestDatabase;
import io.plinth.tenancy.NewUser;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link PostgresExtension#jdbcUrl}: a server the user names; each test's schema is gone when it ends. */
class PostgresExtensionUrlTest {
    @RegisterExtension
    static PostgresExtension plinth = PostgresExtension.jdbcUrl(TestDatabase.jdbcUrl());

    private static final List<String> SCHEMAS = new ArrayList<>();

    @Test
    void aTestRunsOnTheNamedServer(PostgresStore store) throws SQLException {
        SCHEMAS.add(store.schema());
        store.users().create(NewUser.of("ada@example.com", "Ada"));
        assertEquals(List.of(store.schema()), schemasNamed(store.schema()), "on the server of the URL");
    }

    @Test
    void anotherTest(PostgresStore store) {
        SCHEMAS.add(store.schema());
        store.ledger().verify();
    }

    @AfterAll
    static void everyTestsSchemaIsDroppedWhenItEnds() throws SQLException {
        assertEquals(2, SCHEMAS.size());
        for (String schema : SCHEMAS) {
            assertTrue(schemasNamed(schema).isEmpty(), schema + " dropped");
        }
    }

    private static List<String> schemasNamed(String name) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = TestDatabase.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT nspname FROM pg_namespace WHERE nspname = ?")) {
            ps.setString(1, name);
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    out.add(r.getString(1));
                }
            }
        }
        return out;
    }
}
