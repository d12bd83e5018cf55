package io.plinth.migrations;

import io.plinth.core.MigrationException;
import io.plinth.core.StoreUnavailableException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies Plinth's relational schema to a PostgreSQL database (15 or newer) with Flyway.
 *
 * <p>The SQL migrations ship in this artifact under {@code db/plinth} and record themselves in
 * their own history table, {@value #HISTORY_TABLE}, so they coexist with an application's own
 * Flyway migrations and with tables written by other services. Applying is idempotent: a current
 * database is left as it is. Safe to call from several processes at once (Flyway takes a lock).
 */
public final class Migrations {
    /** Where the migrations live on the classpath. */
    public static final String LOCATION = "classpath:db/plinth";
    /** The table in which Flyway records the applied Plinth migrations. */
    public static final String HISTORY_TABLE = "plinth_schema_history";

    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

    private Migrations() {
    }

    /**
     * Brings the database behind {@code dataSource} to the newest schema version. The caller keeps
     * ownership of the data source.
     *
     * @return the schema version afterwards and how many migrations were applied
     * @throws StoreUnavailableException when the database cannot be reached or is older than
     *         PostgreSQL 15
     * @throws MigrationException when a migration fails (nothing of a failed migration remains:
     *         each runs in a transaction) or the applied migrations differ from the ones shipped
     */
    public static MigrationResult apply(DataSource dataSource) {
        if (dataSource == null) {
            throw new IllegalArgumentException("dataSource: is required");
        }
        requireSupportedServer(dataSource);
        Flyway flyway = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations(LOCATION)
                .table(HISTORY_TABLE)
                .failOnMissingLocations(true)
                // a schema that already holds other tables (an application's own) is fine:
                // baseline below V1, so every Plinth migration still runs
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load();
        MigrateResult result;
        MigrationInfo current;
        try {
            result = flyway.migrate();
            current = flyway.info().current();
        } catch (FlywayException e) {
            throw new MigrationException("cannot apply Plinth's migrations: " + firstLine(e.getMessage()), e);
        }
        String version = current == null || current.getVersion() == null ? "0" : current.getVersion().getVersion();
        LOG.info("Plinth schema at version {} ({} migration(s) applied)", version, result.migrationsExecuted);
        return new MigrationResult(version, result.migrationsExecuted);
    }

    /** The oldest PostgreSQL Plinth runs on, as {@code server_version_num}: 15.0. */
    public static final int OLDEST_SERVER = 150000;

    /**
     * Refuses a server older than PostgreSQL 15 in one sentence, before any migration or query could
     * fail on it with a syntax error.
     *
     * @throws StoreUnavailableException naming the server's version when it is older than 15, or
     *         the SQLState when the server cannot be asked
     */
    public static void requireSupportedServer(DataSource dataSource) {
        try (java.sql.Connection c = dataSource.getConnection();
             java.sql.Statement s = c.createStatement();
             java.sql.ResultSet r = s.executeQuery("SELECT current_setting('server_version_num')::int, "
                     + "current_setting('server_version')")) {
            r.next();
            requireSupportedServer(r.getInt(1), r.getString(2));
        } catch (java.sql.SQLException e) {
            throw new StoreUnavailableException("cannot read the server's version: " + e.getSQLState(), e);
        }
    }

    /** Refuses a server whose {@code server_version_num} is below {@link #OLDEST_SERVER}. */
    static void requireSupportedServer(int versionNumber, String version) {
        if (versionNumber < OLDEST_SERVER) {
            throw new StoreUnavailableException("Plinth needs PostgreSQL 15 or newer; this server is PostgreSQL " + version);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        return message.strip().lines().findFirst().orElse("");
    }
}
