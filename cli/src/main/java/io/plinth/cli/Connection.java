package io.plinth.cli;

import io.plinth.postgres.PostgresStore;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import picocli.CommandLine.Option;

/** The options naming an existing PostgreSQL database, shared by the subcommands. */
final class Connection {
    @Option(names = "--user", paramLabel = "USER", description = "Database user (or put user=... in the URL).")
    String user;

    @Option(names = "--password", paramLabel = "PASSWORD", description = "Database password (or set PGPASSWORD).")
    String password;

    /** The URL, checked to be a PostgreSQL JDBC URL. */
    static String checkedUrl(String url) {
        if (url == null || !url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("--jdbc-url must look like jdbc:postgresql://HOST:PORT/DATABASE, got '"
                    + redact(url) + "'");
        }
        return url;
    }

    /** A plain (unpooled) data source for the URL; connects only when asked for a connection. */
    DataSource dataSource(String url) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        checkedUrl(url);
        try {
            ds.setURL(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--jdbc-url is not a valid PostgreSQL JDBC URL: '" + redact(url) + "'");
        }
        if (user != null) {
            ds.setUser(user);
        }
        String pw = password != null ? password : System.getenv("PGPASSWORD");
        if (pw != null) {
            ds.setPassword(pw);
        }
        ds.setConnectTimeout(10);
        return ds;
    }

    /** A store builder for the URL with these credentials; the caller sets the rest and builds it. */
    PostgresStore.Builder store(String url) {
        PostgresStore.Builder builder = PostgresStore.builder().jdbcUrl(checkedUrl(url));
        if (user != null) {
            builder.username(user);
        }
        if (password() != null) {
            builder.password(password());
        }
        return builder;
    }

    String password() {
        return password != null ? password : System.getenv("PGPASSWORD");
    }

    /** The URL without its query string, which may carry a password. */
    static String redact(String url) {
        if (url == null) {
            return "";
        }
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }
}
