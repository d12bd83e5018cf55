package io.plinth.postgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A database of its own on the test server, holding an application's tables before Plinth comes:
 * {@code users}, {@code projects} and {@code conversations} with other columns than Plinth's, migrated
 * by the application's own Flyway ({@code db/application}, history in {@code public.flyway_schema_history}).
 */
final class ApplicationDatabase {
    /** The application's tables, its Flyway history included. */
    static final List<String> TABLES = List.of("users", "projects", "conversations", "flyway_schema_history");

    private ApplicationDatabase() {
    }

    /**
     * Drops and creates the database {@code name} on the server of {@code admin}, applies the
     * application's migrations to it, and returns its URL (as the test server's, user included).
     */
    static String create(DataSource admin, String serverUrl, String name) {
        try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
        }
        String url = serverUrl.replaceFirst("(//[^/]+/)[^?]*", "$1" + name);
        Flyway.configure(ApplicationDatabase.class.getClassLoader())
                .dataSource(plain(url))
                .locations("classpath:db/application")
                .load()
                .migrate();
        return url;
    }

    /** An unpooled data source on {@code url}, with the server's default search_path. */
    static PGSimpleDataSource plain(String url) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(url);
        return ds;
    }

    /** Every column and every row of the application's tables in {@code public}, as text, to compare. */
    static List<String> snapshot(DataSource ds) {
        List<String> out = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT table_name, column_name, data_type FROM information_schema.columns "
                    + "WHERE table_schema = 'public' ORDER BY table_name, ordinal_position")) {
                while (r.next()) {
                    out.add(r.getString(1) + "." + r.getString(2) + " " + r.getString(3));
                }
            }
            for (String table : TABLES) {
                try (ResultSet r = s.executeQuery("SELECT t::text FROM public." + table + " t ORDER BY 1")) {
                    while (r.next()) {
                        out.add(table + " " + r.getString(1));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the application's tables: " + e.getMessage(), e);
        }
        return out;
    }
}
