package io.plinth.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.plinth.core.AbstractStore;
import io.plinth.core.Check;
import io.plinth.core.InvalidInputException;
import io.plinth.core.MigrationException;
import io.plinth.core.PlinthException;
import io.plinth.core.RetryPolicy;
import io.plinth.core.StoreUnavailableException;
import io.plinth.core.TransactionWork;
import io.plinth.migrations.MigrationResult;
import io.plinth.migrations.Migrations;
import io.plinth.postgres.sql.DatabaseFailure;
import io.plinth.postgres.sql.PlinthArgumentsPlugin;
import io.plinth.postgres.sql.SqlErrors;
import io.plinth.postgres.klepsydra.KlepsydraPlugin;
import io.plinth.postgres.ledger.LedgerPlugin;
import java.lang.reflect.Method;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import io.plinth.ledger.LedgerRepository;
import io.plinth.ledger.Transfer;
import io.plinth.ledger.TransferOutcome;
import io.plinth.ledger.TransferRequest;
import io.plinth.postgres.ledger.GroupCommit;
import io.plinth.postgres.ledger.PgLedgerRepository;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL store: Plinth's repositories on JDBI 3, over a HikariCP pool or a data source
 * of the caller's. Units of work run at READ COMMITTED; every timestamp comes from the store's
 * clock and is passed to SQL as a parameter, so the store behaves like the in-memory kit under a
 * test clock. Thread-safe.
 *
 * <pre>{@code
 * try (PostgresStore store = PostgresStore.builder()
 *         .jdbcUrl("jdbc:postgresql://localhost:5432/app").username("app").password(secret)
 *         .build()) {
 *     User ada = store.users().create(NewUser.of("ada@example.com", "Ada"));
 * }
 * }</pre>
 *
 * <p>Plinth lives in one schema of the database, {@code public} unless {@link Builder#schema} names
 * another: a database whose application already has tables named {@code users} or {@code projects}
 * gives Plinth a schema of its own.
 */
public final class PostgresStore extends AbstractStore {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresStore.class);
    private static final Method TRANSFER = ledgerCall("transfer");
    private static final Method PLATFORM_TRANSFER = ledgerCall("platformTransfer");

    private static Method ledgerCall(String name) {
        try {
            return LedgerRepository.class.getMethod(name, TransferRequest.class);
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final DataSource dataSource;
    private final HikariDataSource ownedPool;
    private final PgSession.Connections connections;
    private final Jdbi jdbi;
    private final Supplier<Instant> clock = this::now;
    /** Null when group commit is off. */
    private final GroupCommit groupCommit;
    private final String schema;

    private PostgresStore(Builder builder, DataSource dataSource, HikariDataSource ownedPool) {
        super(builder.retryPolicy, builder.clock);
        this.dataSource = dataSource;
        this.schema = builder.schema;
        this.ownedPool = ownedPool;
        this.connections = new PgSession.Connections(dataSource);
        this.groupCommit = builder.groupCommit ? new GroupCommit(new GroupCommit.Batch() {
            @Override
            public Transfer one(TransferRequest request, boolean platform) {
                return alone(session -> {
                    PgLedgerRepository ledger = new PgLedgerRepository(session, clock);
                    return platform ? ledger.platformTransfer(request) : ledger.transfer(request);
                });
            }

            @Override
            public List<TransferOutcome> each(List<TransferRequest> requests, boolean[] platform) {
                return alone(session -> new PgLedgerRepository(session, clock).each(requests, i -> platform[i]));
            }
        }, builder.groupCommitBatches) : null;
        this.jdbi = connections.jdbi()
                .installPlugin(new SqlObjectPlugin())
                .installPlugin(new PlinthArgumentsPlugin())
                .installPlugin(new LedgerPlugin())
                .installPlugin(new KlepsydraPlugin());
    }

    /** A builder; give it a {@link Builder#jdbcUrl JDBC URL} or a {@link Builder#dataSource data source}. */
    public static Builder builder() {
        return new Builder();
    }

    /** The data source the store runs on (its own pool, or the caller's data source). */
    public DataSource dataSource() {
        return dataSource;
    }

    /** The schema Plinth's tables are in ({@code public} unless the builder named another). */
    public String schema() {
        return schema;
    }

    /** The outbox of the mirrored rows (migration V13), which projections such as the Neo4j graph read. */
    public io.plinth.graph.Outbox outbox() {
        return new io.plinth.postgres.graph.PgOutbox(dataSource);
    }

    @Override
    protected <T> T attempt(TransactionWork<T> work) {
        return run(() -> jdbi.inTransaction(handle -> {
            PgTransaction tx = new PgTransaction(PgSession.of(handle), clock);
            try {
                T result = work.run(tx);
                tx.requireCommittable();
                return result;
            } finally {
                tx.end();
            }
        }));
    }

    /**
     * Runs a single repository call on a pooled connection in auto-commit mode, with no JDBI handle
     * unless the call needs one: see {@link RepositoryGuard#callAlone}. With group commit on, a
     * ledger transfer or platform transfer goes together with the store's concurrent ones
     * ({@link GroupCommit}).
     */
    @Override
    protected Object attemptCall(Class<?> type, Method method, Object[] args) {
        if (groupCommit != null && type == LedgerRepository.class
                && (method.equals(TRANSFER) || method.equals(PLATFORM_TRANSFER))) {
            return run(() -> groupCommit.transfer((TransferRequest) args[0], method.equals(PLATFORM_TRANSFER)));
        }
        return alone(session -> RepositoryGuard.callAlone(session, method,
                PgTransaction.implementation(type, session, clock), args));
    }

    /** The store's group commit of transfers, null when it is off. */
    GroupCommit groupCommit() {
        return groupCommit;
    }

    /** Runs {@code call} on a session of its own, on a pooled connection in auto-commit mode. */
    private <T> T alone(Function<PgSession, T> call) {
        return run(() -> {
            try (PgSession session = PgSession.open(connections)) {
                return call.apply(session);
            } catch (SQLException e) {
                throw SqlErrors.map(e);
            }
        });
    }

    private <T> T run(Supplier<T> attempt) {
        try {
            return attempt.get();
        } catch (PlinthException e) {
            throw e;
        } catch (RuntimeException e) {
            throw SqlErrors.map(e);
        }
    }

    /** Closes the store's own connection pool; a data source given by the caller stays open. */
    @Override
    protected void release() {
        if (ownedPool != null) {
            ownedPool.close();
        }
    }

    @Override
    public String toString() {
        return "PostgresStore[" + (ownedPool != null ? JdbcUrl.safe(ownedPool.getJdbcUrl()) : "caller's data source") + "]";
    }

    /**
     * Configures a {@link PostgresStore}. Defaults: {@link RetryPolicy#DEFAULT}, the UTC system
     * clock, migrations applied on {@link #build()}, a pool of at most 10 connections, group commit
     * of concurrent transfers on, with at most 2 batches at a time.
     */
    public static final class Builder {
        private String jdbcUrl;
        private String username;
        private String password;
        private DataSource dataSource;
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        private Clock clock = Clock.systemUTC();
        private boolean migrate = true;
        private int maximumPoolSize = 10;
        private boolean groupCommit = true;
        private int groupCommitBatches = 2;
        private String schema = Migrations.DEFAULT_SCHEMA;

        private Builder() {
        }

        /**
         * A {@code jdbc:postgresql://host:port/database} URL; the store makes and owns a pool for it. A
         * {@code password} (or {@code sslpassword}) in its query is taken out of the URL and given to the
         * driver as a property, so that no log line or error of the pool or the driver can show it; a URL
         * with user-info ({@code user:password@host}) is refused by {@link #build()}.
         */
        public Builder jdbcUrl(String jdbcUrl) {
            this.jdbcUrl = jdbcUrl;
            return this;
        }

        /** The database user, when not given in the URL. */
        public Builder username(String username) {
            this.username = username;
            return this;
        }

        /** The database password, when not given in the URL (given both, this one is used). */
        public Builder password(String password) {
            this.password = password;
            return this;
        }

        /** A data source owned by the caller, used instead of a URL; {@link #close()} leaves it open. */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = dataSource;
            return this;
        }

        /** How units of work are retried after retryable failures. */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Check.required("retryPolicy", retryPolicy);
            return this;
        }

        /** Where the store's timestamps come from. */
        public Builder clock(Clock clock) {
            this.clock = Check.required("clock", clock);
            return this;
        }

        /** Whether {@link #build()} applies Plinth's migrations first (default true). */
        public Builder migrate(boolean migrate) {
            this.migrate = migrate;
            return this;
        }

        /**
         * The schema Plinth's tables, types and functions are in (default {@code public}), created by
         * the migrations if it does not exist: {@code schema("plinth")} adopts a database whose
         * application already has tables of Plinth's names ({@code users}, {@code projects}), and keeps
         * Plinth's Flyway history ({@value Migrations#HISTORY_TABLE}) in that schema too.
         *
         * <p>With a {@link #jdbcUrl JDBC URL}, the store's pool sets its connections' {@code search_path}
         * to this schema alone (pgjdbc's {@code currentSchema}), so that no name of Plinth's ever falls
         * through to an application table of the same name. A {@link #dataSource data source} of the
         * caller's must do the same itself ({@code currentSchema=plinth} in its URL, or HikariCP's
         * {@code setSchema("plinth")}): {@link #build()} refuses one whose connections resolve names in
         * another schema, before migrating anything.
         *
         * @throws InvalidInputException on {@code schema} unless it is a lower-case SQL identifier
         */
        public Builder schema(String schema) {
            if (!Migrations.isSchemaName(schema)) {
                throw new InvalidInputException("schema", Migrations.SCHEMA_RULE);
            }
            this.schema = schema;
            return this;
        }

        /**
         * Whether concurrent auto-commit ledger transfers of this store are carried to the database
         * together, one batch per round trip and commit (default true; see {@link GroupCommit}).
         * Transfers inside a unit of work are never coalesced.
         */
        public Builder groupCommit(boolean groupCommit) {
            this.groupCommit = groupCommit;
            return this;
        }

        /**
         * With group commit on, how many batches of transfers may run at a time (default 2; each holds a
         * connection while it runs). More lets a database with more cores work on more batches at once;
         * fewer makes bigger batches.
         */
        public Builder groupCommitBatches(int groupCommitBatches) {
            this.groupCommitBatches = (int) Check.range("groupCommitBatches", groupCommitBatches, 1, 1_000);
            return this;
        }

        /**
         * The largest number of connections of the store's own pool (default 10, at least 2: applying
         * the migrations holds two connections at once).
         */
        public Builder maximumPoolSize(int maximumPoolSize) {
            this.maximumPoolSize = (int) Check.range("maximumPoolSize", maximumPoolSize, 2, 10_000);
            return this;
        }

        /**
         * Connects, applies the migrations if asked to, and returns the store.
         *
         * @throws InvalidInputException when neither or both of a URL and a data source are given,
         *         or the URL is not a PostgreSQL JDBC URL or carries user-info, or (on {@code schema}) the
         *         connections resolve names in another schema than {@link #schema} names
         * @throws StoreUnavailableException when the database cannot be reached or is older than
         *         PostgreSQL 15
         * @throws MigrationException when the database cannot be migrated; for either, the message
         *         says which database and why, its cause is the {@link DatabaseFailure sanitised}
         *         failure: neither holds the password
         */
        public PostgresStore build() {
            if ((jdbcUrl == null) == (dataSource == null)) {
                throw new InvalidInputException("jdbcUrl", "give either a JDBC URL or a data source");
            }
            HikariDataSource pool = jdbcUrl == null ? null : pool();
            DataSource source = pool != null ? pool : dataSource;
            requireResolvesInSchema(source, pool);
            try {
                Migrations.requireSupportedServer(source);
            } catch (RuntimeException e) {
                if (pool != null) {
                    pool.close();
                }
                throw new StoreUnavailableException(e.getMessage() + " (" + describe() + ")", DatabaseFailure.of(e));
            }
            try {
                if (migrate) {
                    MigrationResult result = Migrations.apply(source, schema);
                    LOG.debug("schema at version {}", result.schemaVersion());
                }
                return new PostgresStore(this, source, pool);
            } catch (RuntimeException e) {
                if (pool != null) {
                    pool.close();
                }
                throw new MigrationException("cannot migrate " + describe() + ": " + DatabaseFailure.describe(e),
                        DatabaseFailure.of(e));
            }
        }

        private HikariDataSource pool() {
            JdbcUrl url = JdbcUrl.parse("jdbcUrl", jdbcUrl);
            HikariConfig config = new HikariConfig();
            config.setPoolName("plinth");
            config.setJdbcUrl(url.withoutSecrets());
            config.setUsername(username);
            config.setPassword(password != null ? password : url.password().orElse(null));
            url.sslPassword().ifPresent(secret -> config.addDataSourceProperty("sslpassword", secret));
            config.setMaximumPoolSize(maximumPoolSize);
            config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
            if (!schema.equals(Migrations.DEFAULT_SCHEMA)) {
                config.addDataSourceProperty("currentSchema", schema);
            }
            try {
                return new HikariDataSource(config);
            } catch (RuntimeException e) {
                throw new StoreUnavailableException("cannot connect to " + describe() + ": " + DatabaseFailure.describe(e),
                        DatabaseFailure.of(e));
            }
        }

        /**
         * Refuses, before anything is migrated, connections that resolve unqualified names in another
         * schema than {@link #schema}: {@code current_schema()} (the first schema of the search_path that
         * exists) must be this one, or none yet when the migrations are about to create it.
         */
        private void requireResolvesInSchema(DataSource source, HikariDataSource pool) {
            String current;
            try (java.sql.Connection c = source.getConnection();
                 java.sql.Statement s = c.createStatement();
                 java.sql.ResultSet r = s.executeQuery("SELECT current_schema()")) {
                r.next();
                current = r.getString(1);
            } catch (java.sql.SQLException e) {
                current = null; // unreachable databases are reported by the version check that follows
            }
            if (current != null && !current.equals(schema)) {
                if (pool != null) {
                    pool.close();
                }
                throw new InvalidInputException("schema", "is " + schema + ", but the connections of "
                        + describe() + " resolve names in schema " + current + ": give them search_path " + schema
                        + " (currentSchema=" + schema + " in the URL, or HikariCP's setSchema), or name "
                        + current + " as the schema");
            }
        }

        private String describe() {
            return jdbcUrl != null ? "PostgreSQL at " + JdbcUrl.safe(jdbcUrl) : "the given data source";
        }
    }
}
