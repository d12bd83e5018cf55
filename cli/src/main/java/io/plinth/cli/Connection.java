package io.plinth.cli;

import io.plinth.core.InvalidInputException;
import io.plinth.migrations.Migrations;
import io.plinth.postgres.JdbcUrl;
import io.plinth.postgres.PostgresStore;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import picocli.CommandLine.Option;

/**
 * The options naming an existing PostgreSQL database, shared by the subcommands. A password given in
 * the URL's query never reaches the driver inside the URL (it is passed as a property), and a URL
 * with user-info is refused: neither can then show up in a driver's or a pool's message.
 */
final class Connection {
    @Option(names = "--user", paramLabel = "USER", description = "Database user (or put user=... in the URL).")
    String user;

    @Option(names = "--password", paramLabel = "PASSWORD", description = "Database password (or set PGPASSWORD).")
    String password;

    @Option(names = "--schema", paramLabel = "SCHEMA", defaultValue = Migrations.DEFAULT_SCHEMA,
            description = "The schema Plinth's tables are in, created by the migrations if missing; name one "
                    + "(e.g. plinth) when the database's application has tables of Plinth's names "
                    + "(default: ${DEFAULT-VALUE}).")
    String schema;

    /** The schema named by {@code --schema}, checked to be a plain lower-case identifier. */
    String schema() {
        if (!Migrations.isSchemaName(schema)) {
            throw new UsageException("--schema " + Migrations.SCHEMA_RULE + ", got '" + schema + "'");
        }
        return schema;
    }

    /** The URL, checked to be a PostgreSQL JDBC URL without user-info. */
    static String checkedUrl(String url) {
        parsed(url);
        return url;
    }

    /** The URL taken apart; a bad one is a {@link UsageException} that shows it only redacted. */
    static JdbcUrl parsed(String url) {
        if (url == null || !url.startsWith("jdbc:postgresql:")) {
            throw new UsageException("--jdbc-url must look like jdbc:postgresql://HOST:PORT/DATABASE, got '"
                    + redact(url) + "'");
        }
        try {
            return JdbcUrl.parse("--jdbc-url", url);
        } catch (InvalidInputException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** A plain (unpooled) data source for the URL; connects only when asked for a connection. */
    DataSource dataSource(String url) {
        JdbcUrl parsed = parsed(url);
        PGSimpleDataSource ds = new PGSimpleDataSource();
        try {
            ds.setURL(parsed.withoutSecrets());
        } catch (IllegalArgumentException e) {
            throw new UsageException("--jdbc-url is not a valid PostgreSQL JDBC URL: '" + redact(url) + "'");
        }
        if (user != null) {
            ds.setUser(user);
        }
        String pw = password() != null ? password() : parsed.password().orElse(null);
        if (pw != null) {
            ds.setPassword(pw);
        }
        if (parsed.sslPassword().isPresent()) {
            // pgjdbc's data source would put it back into the URL it logs
            throw new UsageException("--jdbc-url: sslpassword is not accepted in the URL by this command; "
                    + "use sslpasswordcallback or a client key without a password");
        }
        ds.setConnectTimeout(10);
        return ds;
    }

    /** A store builder for the URL with these credentials and schema; the caller sets the rest and builds it. */
    PostgresStore.Builder store(String url) {
        PostgresStore.Builder builder = PostgresStore.builder().jdbcUrl(checkedUrl(url)).schema(schema());
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

    /** The URL without its query string and user-info, either of which may carry a password. */
    static String redact(String url) {
        if (url == null) {
            return "";
        }
        String safe = JdbcUrl.safe(url);
        return safe.endsWith("?…") ? safe.substring(0, safe.length() - 2) : safe;
    }
}
