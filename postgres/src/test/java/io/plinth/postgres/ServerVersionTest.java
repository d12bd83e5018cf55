package io.plinth.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * The suite runs on the PostgreSQL it means to: the embedded PostgreSQL 17 when no
 * {@code PLINTH_TEST_JDBC_URL} is given; with {@code PLINTH_TEST_EXPECT_SERVER_MAJOR} (which
 * {@code .ci/run} sets to 15 for its pass on the machine's server), exactly that major version;
 * any server given by URL is one Plinth supports (15 or newer).
 */
class ServerVersionTest {
    @Test
    void theSuiteRunsOnTheServerItMeans() throws SQLException {
        int versionNum;
        String version;
        try (Connection c = TestDatabase.dataSource().getConnection();
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery(
                     "SELECT current_setting('server_version_num')::int, current_setting('server_version')")) {
            r.next();
            versionNum = r.getInt(1);
            version = r.getString(2);
        }
        int major = versionNum / 10_000;
        String expected = System.getenv("PLINTH_TEST_EXPECT_SERVER_MAJOR");
        String url = System.getenv("PLINTH_TEST_JDBC_URL");
        if (expected != null && !expected.isBlank()) {
            assertEquals(Integer.parseInt(expected.trim()), major,
                    "PLINTH_TEST_EXPECT_SERVER_MAJOR=" + expected + " but the suite runs on PostgreSQL " + version);
        } else if (url == null || url.isBlank()) {
            assertEquals(17, major, "the embedded default must be PostgreSQL 17, not " + version);
        } else {
            assertTrue(major >= 15, "Plinth supports PostgreSQL 15 and newer; the given server is " + version);
        }
    }
}
