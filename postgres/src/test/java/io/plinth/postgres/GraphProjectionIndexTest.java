package io.plinth.postgres;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plinth.core.Store;
import io.plinth.postgres.memory.PgUserGraphProjectionRepository;
import io.plinth.tenancy.NewUser;
import io.plinth.tenancy.User;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/**
 * The latest projection of a user is read through the seed's index {@code
 * user_graph_projections_user_id_created_at_idx}: on a table of many users with many projections
 * each, after ANALYZE, the plan of the repository's own query uses it.
 */
class GraphProjectionIndexTest {

    @Test
    void theLatestProjectionUsesTheSeedsIndex() throws SQLException {
        Store store = TestDatabase.emptyStore(Clock.systemUTC());
        User user = store.users().create(NewUser.of("cosmos@example.com", "Cosmos"));
        try (Connection c = TestDatabase.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO users (user_id, email) SELECT gen_random_uuid(), 'u' || i || '@example.com'"
                    + " FROM generate_series(1, 199) AS i");
            // 200 users with 100 projections each, ours included; times spread over a year.
            s.execute("INSERT INTO user_graph_projections (user_id, projection_data, created_at)"
                    + " SELECT u.user_id, '{\"nodes\": []}', timestamptz '2025-01-01' + (i * interval '1 hour')"
                    + " FROM users u, generate_series(1, 100) AS i");
            s.execute("ANALYZE users");
            s.execute("ANALYZE user_graph_projections");
            String query = PgUserGraphProjectionRepository.LATEST.replace(":user", "'" + user.id() + "'");
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = s.executeQuery("EXPLAIN " + query)) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            assertTrue(plan.toString().contains("user_graph_projections_user_id_created_at_idx"), plan.toString());
        } finally {
            store.close();
        }
        TestDatabase.truncate();
    }
}
