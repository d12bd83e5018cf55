package io.plinth.cli.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.plinth.core.Ids;
import io.plinth.memory.ConversationId;
import io.plinth.memory.MemoryUnit;
import io.plinth.memory.MemoryUnitId;
import io.plinth.tenancy.UserId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The baseline: the minimal hand-written JDBC for each {@linkplain CrudBench.Operation operation},
 * on the same tables as Plinth ({@code memory_units}, {@code interaction_logs}) and a HikariCP pool
 * of its own, as large as the store's, in auto-commit mode. Each client thread keeps one connection
 * and its prepared statement for the whole round, and reads rows into the same records Plinth
 * returns ({@link MemoryUnit}). It checks nothing the database does not.
 */
final class BaselineCrud implements AutoCloseable {
    static final String COLUMNS = "muid, user_id, title, content, creation_ts, ingestion_ts, last_modified_ts, "
            + "importance_score, sentiment_score, source_conversation_id, version";
    static final String GET = "SELECT " + COLUMNS + " FROM memory_units WHERE muid = ? AND user_id = ?";
    static final String CREATE = "INSERT INTO memory_units (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String UPDATE = "UPDATE memory_units SET title = ?, content = ?, importance_score = ?, "
            + "sentiment_score = ?, source_conversation_id = ?, last_modified_ts = ?, version = version + 1 "
            + "WHERE muid = ? AND user_id = ? AND version = ? RETURNING " + COLUMNS;
    static final String PAGE = "SELECT " + COLUMNS + " FROM memory_units WHERE user_id = ? AND muid > ? "
            + "ORDER BY muid LIMIT " + (CrudBench.PAGE + 1);
    static final String LOG_COLUMNS = "interaction_id, user_id, timestamp, interaction_type, target_entity_id, "
            + "target_entity_type, content_text, content_structured, metadata";

    /** The rows of the run's users, for the check. */
    record Tally(long units, long versions, long logs) {
    }

    private final HikariDataSource pool;
    private final CrudBench.Data data;

    /** Keeps {@code pool} (auto-commit, one connection per client) and closes it when closed. */
    BaselineCrud(HikariDataSource pool, CrudBench.Data data) {
        this.pool = pool;
        this.data = data;
    }

    /** Gives each user {@code count} memory units (in batches of inserts) and keeps them in {@code data}. */
    void seed(int count) throws SQLException {
        try (Connection c = pool.getConnection(); PreparedStatement insert = c.prepareStatement(CREATE)) {
            c.setAutoCommit(false);
            for (int user = 0; user < data.users.length; user++) {
                MemoryUnit[] units = new MemoryUnit[count];
                for (int i = 0; i < count; i++) {
                    units[i] = newUnit(data.users[user], "seed " + i);
                    bindInsert(insert, units[i]);
                    insert.addBatch();
                }
                insert.executeBatch();
                c.commit();
                UUID[] ids = Arrays.stream(units).map(u -> u.id().value()).sorted(Ids.ORDER).toArray(UUID[]::new);
                data.units[user] = units;
                data.ids[user] = ids;
            }
            c.setAutoCommit(true);
            try (PreparedStatement analyze = c.prepareStatement("ANALYZE memory_units")) {
                analyze.execute();
            }
        }
    }

    /** A client for one thread doing {@code operation} over and over: its own connection and statement. */
    Phase.Client client(CrudBench.Operation operation, int index) throws SQLException {
        Connection connection = pool.getConnection();
        try {
            return switch (operation) {
                case GET -> new Get(connection, index);
                case CREATE -> new Create(connection, index);
                case UPDATE -> new Update(connection, index);
                case PAGE -> new Page(connection, index);
                case APPEND_ALL -> new AppendAll(connection, index);
            };
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** Counts the run's rows. */
    Tally tally() throws SQLException {
        UUID[] users = Arrays.stream(data.users).map(UserId::value).toArray(UUID[]::new);
        try (Connection c = pool.getConnection();
             PreparedStatement units = c.prepareStatement(
                     "SELECT count(*), coalesce(sum(version), 0) FROM memory_units WHERE user_id = ANY (?)");
             PreparedStatement logs = c.prepareStatement(
                     "SELECT count(*) FROM interaction_logs WHERE user_id = ANY (?)")) {
            units.setArray(1, c.createArrayOf("uuid", users));
            logs.setArray(1, c.createArrayOf("uuid", users));
            try (ResultSet u = units.executeQuery(); ResultSet l = logs.executeQuery()) {
                u.next();
                l.next();
                return new Tally(u.getLong(1), u.getLong(2), l.getLong(1));
            }
        }
    }

    @Override
    public void close() {
        pool.close();
    }

    static MemoryUnit newUnit(UserId user, String title) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return new MemoryUnit(new MemoryUnitId(Ids.next()), user, title, "Something worth remembering.", now, now,
                now, 0.5, null, null, 0);
    }

    private static void bindInsert(PreparedStatement insert, MemoryUnit unit) throws SQLException {
        insert.setObject(1, unit.id().value());
        insert.setObject(2, unit.userId().value());
        insert.setString(3, unit.title());
        insert.setString(4, unit.content());
        insert.setObject(5, utc(unit.creationTs()));
        insert.setObject(6, utc(unit.ingestionTs()));
        insert.setObject(7, utc(unit.lastModifiedTs()));
        setDouble(insert, 8, unit.importanceScore());
        setDouble(insert, 9, unit.sentimentScore());
        insert.setObject(10, unit.sourceConversationId() == null ? null : unit.sourceConversationId().value(), Types.OTHER);
        insert.setLong(11, unit.version());
    }

    private static void setDouble(PreparedStatement statement, int index, Double value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.DOUBLE);
        } else {
            statement.setDouble(index, value);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** The memory unit on the result set's current row ({@link #COLUMNS} in order). */
    private static MemoryUnit read(ResultSet rs) throws SQLException {
        UUID conversation = rs.getObject(10, UUID.class);
        return new MemoryUnit(new MemoryUnitId(rs.getObject(1, UUID.class)), new UserId(rs.getObject(2, UUID.class)),
                rs.getString(3), rs.getString(4), rs.getObject(5, OffsetDateTime.class).toInstant(),
                rs.getObject(6, OffsetDateTime.class).toInstant(), rs.getObject(7, OffsetDateTime.class).toInstant(),
                optionalDouble(rs, 8), optionalDouble(rs, 9), conversation == null ? null : new ConversationId(conversation),
                rs.getLong(11));
    }

    private static Double optionalDouble(ResultSet rs, int index) throws SQLException {
        double value = rs.getDouble(index);
        return rs.wasNull() ? null : value;
    }

    /** One connection and one prepared statement, for the round. */
    private abstract class Client implements Phase.Client {
        final Connection connection;
        final PreparedStatement statement;
        final int index;

        Client(Connection connection, int index, String sql) throws SQLException {
            this.connection = connection;
            this.statement = connection.prepareStatement(sql);
            this.index = index;
        }

        UUID user() {
            return data.users[index].value();
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }

    private final class Get extends Client {
        Get(Connection connection, int index) throws SQLException {
            super(connection, index, GET);
        }

        @Override
        public int call() throws SQLException {
            UUID[] ids = data.ids[index];
            statement.setObject(1, ids[ThreadLocalRandom.current().nextInt(ids.length)]);
            statement.setObject(2, user());
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("a seeded memory unit is missing");
                }
                read(rs);
            }
            return 1;
        }
    }

    private final class Create extends Client {
        Create(Connection connection, int index) throws SQLException {
            super(connection, index, CREATE);
        }

        @Override
        public int call() throws SQLException {
            bindInsert(statement, newUnit(data.users[index], "created"));
            statement.executeUpdate();
            data.created.increment();
            return 1;
        }
    }

    private final class Update extends Client {
        private long next;

        Update(Connection connection, int index) throws SQLException {
            super(connection, index, UPDATE);
        }

        @Override
        public int call() throws SQLException {
            MemoryUnit[] units = data.units[index];
            int i = ThreadLocalRandom.current().nextInt(units.length);
            MemoryUnit unit = units[i].withTitle("updated " + next++);
            statement.setString(1, unit.title());
            statement.setString(2, unit.content());
            setDouble(statement, 3, unit.importanceScore());
            setDouble(statement, 4, unit.sentimentScore());
            statement.setObject(5, unit.sourceConversationId() == null ? null : unit.sourceConversationId().value(),
                    Types.OTHER);
            statement.setObject(6, utc(Instant.now().truncatedTo(ChronoUnit.MICROS)));
            statement.setObject(7, unit.id().value());
            statement.setObject(8, unit.userId().value());
            statement.setLong(9, unit.version());
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("memory unit " + unit.id() + " is stale or missing");
                }
                units[i] = read(rs);
            }
            data.updated.increment();
            return 1;
        }
    }

    private final class Page extends Client {
        Page(Connection connection, int index) throws SQLException {
            super(connection, index, PAGE);
        }

        @Override
        public int call() throws SQLException {
            UUID[] ids = data.ids[index];
            statement.setObject(1, user());
            statement.setObject(2, ids[ThreadLocalRandom.current().nextInt(ids.length - CrudBench.PAGE)]);
            List<MemoryUnit> rows = new ArrayList<>(CrudBench.PAGE + 1);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(read(rs));
                }
            }
            // The page is the first PAGE rows; a row more says that another page follows.
            if (rows.size() < CrudBench.PAGE) {
                throw new IllegalStateException("a page came back short: " + rows.size());
            }
            return 1;
        }
    }

    private final class AppendAll extends Client {
        AppendAll(Connection connection, int index) throws SQLException {
            super(connection, index, appendAll());
        }

        @Override
        public int call() throws SQLException {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            OffsetDateTime timestamp = utc(now);
            UUID user = user();
            int p = 1;
            for (int i = 0; i < CrudBench.BATCH; i++) {
                statement.setObject(p++, Ids.next());
                statement.setObject(p++, user);
                statement.setObject(p++, timestamp);
                statement.setString(p++, "view");
                statement.setString(p++, "card-" + i);
                statement.setString(p++, "card");
                statement.setString(p++, "looked at a card");
                statement.setNull(p++, Types.OTHER);
                statement.setNull(p++, Types.OTHER);
            }
            statement.executeUpdate();
            data.appended.increment();
            return 1;
        }

        private static String appendAll() {
            StringBuilder sql = new StringBuilder("INSERT INTO interaction_logs (" + LOG_COLUMNS + ") VALUES ");
            for (int i = 0; i < CrudBench.BATCH; i++) {
                sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)");
            }
            return sql.toString();
        }
    }
}
