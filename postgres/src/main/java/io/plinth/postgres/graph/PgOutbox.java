package io.plinth.postgres.graph;

import io.plinth.core.Check;
import io.plinth.graph.MirroredRow;
import io.plinth.graph.MirroredTable;
import io.plinth.graph.Outbox;
import io.plinth.graph.OutboxChange;
import io.plinth.graph.OutboxPosition;
import io.plinth.postgres.sql.SqlErrors;
import io.plinth.tenancy.UserId;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The {@link Outbox} of migration V13, on plain JDBC. A poll reads the settled records after the
 * checkpoint and the rows they name in one REPEATABLE READ transaction, so the states in a batch are one
 * snapshot, taken no earlier than the one that bounded the records.
 */
public final class PgOutbox implements Outbox {
    /** What each table's state is read with: the columns a projection needs, and the owners of what a row refers to. */
    private static final Map<MirroredTable, String> STATE = new EnumMap<>(Map.of(
            MirroredTable.USERS, "SELECT r.user_id AS id, r.user_id FROM users r",
            MirroredTable.COMMUNITIES, "SELECT r.community_id AS id, r.user_id, r.name FROM communities r",
            MirroredTable.MEMORY_UNITS, "SELECT r.muid AS id, r.user_id, r.title, r.creation_ts, r.content, r.importance_score FROM memory_units r",
            MirroredTable.CONCEPTS, """
                    SELECT r.concept_id AS id, r.user_id, r.name, r.type, r.status, r.description, r.salience, r.created_at,
                           r.community_id, cm.user_id AS community_user_id,
                           r.merged_into_concept_id, m.user_id AS merged_into_concept_user_id
                      FROM concepts r
                      LEFT JOIN communities cm ON cm.community_id = r.community_id
                      LEFT JOIN concepts m ON m.concept_id = r.merged_into_concept_id""",
            MirroredTable.DERIVED_ARTIFACTS, """
                    SELECT r.artifact_id AS id, r.user_id, r.title, r.artifact_type, r.content_narrative, r.created_at,
                           r.source_memory_unit_id, mu.user_id AS source_memory_unit_user_id,
                           r.source_concept_id, c.user_id AS source_concept_user_id
                      FROM derived_artifacts r
                      LEFT JOIN memory_units mu ON mu.muid = r.source_memory_unit_id
                      LEFT JOIN concepts c ON c.concept_id = r.source_concept_id""",
            MirroredTable.CONCEPT_MENTIONS, """
                    SELECT r.mention_id AS id, r.user_id, r.memory_unit_id, mu.user_id AS memory_unit_user_id,
                           r.concept_id, c.user_id AS concept_user_id, r.weight
                      FROM concept_mentions r
                      JOIN memory_units mu ON mu.muid = r.memory_unit_id
                      JOIN concepts c ON c.concept_id = r.concept_id""",
            MirroredTable.CONCEPT_RELATIONS, """
                    SELECT r.relation_id AS id, r.user_id, r.from_concept_id, f.user_id AS from_concept_user_id,
                           r.to_concept_id, t.user_id AS to_concept_user_id, r.weight, r.provenance
                      FROM concept_relations r
                      JOIN concepts f ON f.concept_id = r.from_concept_id
                      JOIN concepts t ON t.concept_id = r.to_concept_id""",
            MirroredTable.CONVERSATION_MESSAGES, """
                    SELECT r.id, r.user_id, r.conversation_id, r.role, r.content, r."timestamp"
                      FROM conversation_messages r""",
            MirroredTable.CARDS, """
                    SELECT r.card_id AS id, r.user_id, r.card_type, r.source_entity_type, r.source_entity_id, r.status,
                           r.display_data::text AS display_data, r.created_at
                      FROM cards r"""));

    private final DataSource dataSource;

    /** An outbox on the given (migrated) database. */
    public PgOutbox(DataSource dataSource) {
        this.dataSource = Check.required("dataSource", dataSource);
    }

    @Override
    public List<OutboxChange> poll(String consumer, int limit) {
        Check.text("consumer", consumer, 100);
        Check.range("limit", limit, 1, MAX_BATCH);
        try (Connection c = dataSource.getConnection()) {
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            c.setAutoCommit(false);
            try {
                OutboxPosition after = checkpoint(c, consumer);
                List<Record> records = new ArrayList<>();
                try (PreparedStatement s = c.prepareStatement("""
                        SELECT xid::text AS xid_text, id, entity, entity_id, user_id FROM outbox
                         WHERE (xid, id) > (?::text::xid8, ?) AND xid < pg_snapshot_xmin(pg_current_snapshot())
                         ORDER BY xid, id LIMIT ?""")) {
                    s.setString(1, Long.toString(after.xid()));
                    s.setLong(2, after.id());
                    s.setInt(3, limit);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            records.add(new Record(new OutboxPosition(Long.parseLong(rs.getString(1)), rs.getLong(2)),
                                    MirroredTable.of(rs.getString(3)), rs.getObject(4, UUID.class), rs.getObject(5, UUID.class)));
                        }
                    }
                }
                Map<MirroredTable, Set<UUID>> ids = new EnumMap<>(MirroredTable.class);
                records.forEach(r -> ids.computeIfAbsent(r.table, t -> new LinkedHashSet<>()).add(r.id));
                Map<MirroredTable, Map<UUID, MirroredRow>> states = new EnumMap<>(MirroredTable.class);
                for (Map.Entry<MirroredTable, Set<UUID>> e : ids.entrySet()) {
                    Map<UUID, MirroredRow> byId = new HashMap<>();
                    Array array = c.createArrayOf("uuid", e.getValue().toArray());
                    for (MirroredRow row : read(c, e.getKey(), "r." + e.getKey().idColumn() + " = ANY(?)", array)) {
                        byId.put(row.id(), row);
                    }
                    states.put(e.getKey(), byId);
                }
                c.commit();
                return records.stream().map(r -> new OutboxChange(r.position, r.table, r.id, r.userId,
                        Optional.ofNullable(states.get(r.table).get(r.id)))).toList();
            } finally {
                c.rollback();
                c.setAutoCommit(true);
                c.setReadOnly(false);
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            }
        } catch (SQLException e) {
            throw SqlErrors.map(e);
        }
    }

    @Override
    public void acknowledge(String consumer, OutboxPosition position) {
        Check.text("consumer", consumer, 100);
        Check.required("position", position);
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO outbox_checkpoints (consumer, xid, id) VALUES (?, ?::text::xid8, ?)
                ON CONFLICT (consumer) DO UPDATE SET xid = EXCLUDED.xid, id = EXCLUDED.id, updated_at = now()
                 WHERE (outbox_checkpoints.xid, outbox_checkpoints.id) < (EXCLUDED.xid, EXCLUDED.id)""")) {
            s.setString(1, consumer);
            s.setString(2, Long.toString(position.xid()));
            s.setLong(3, position.id());
            s.executeUpdate();
        } catch (SQLException e) {
            throw SqlErrors.map(e);
        }
    }

    @Override
    public long prune() {
        long deleted = 0;
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                DELETE FROM outbox WHERE id IN (
                    SELECT o.id FROM outbox o,
                           (SELECT xid, id FROM outbox_checkpoints ORDER BY xid, id LIMIT 1) low
                     WHERE (o.xid, o.id) <= (low.xid, low.id)
                     ORDER BY o.xid, o.id LIMIT ?)""")) {
            s.setInt(1, MAX_BATCH);
            int step;
            do {
                step = s.executeUpdate();
                deleted += step;
            } while (step == MAX_BATCH);
            return deleted;
        } catch (SQLException e) {
            throw SqlErrors.map(e);
        }
    }

    @Override
    public OutboxPosition checkpoint(String consumer) {
        Check.text("consumer", consumer, 100);
        try (Connection c = dataSource.getConnection()) {
            return checkpoint(c, consumer);
        } catch (SQLException e) {
            throw SqlErrors.map(e);
        }
    }

    @Override
    public OutboxPosition head() {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT xid::text AS xid_text, id FROM outbox ORDER BY xid DESC, id DESC LIMIT 1");
             ResultSet rs = s.executeQuery()) {
            return rs.next() ? new OutboxPosition(Long.parseLong(rs.getString(1)), rs.getLong(2)) : OutboxPosition.START;
        } catch (SQLException e) {
            throw SqlErrors.map(e);
        }
    }

    @Override
    public long lag(String consumer) {
        OutboxPosition after = checkpoint(consumer);
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM outbox WHERE (xid, id) > (?::text::xid8, ?)")) {
            s.setString(1, Long.toString(after.xid()));
            s.setLong(2, after.id());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw SqlErrors.map(e);
        }
    }

    @Override
    public List<MirroredRow> rows(UserId userId) {
        Check.required("userId", userId);
        try (Connection c = dataSource.getConnection()) {
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            c.setAutoCommit(false);
            try {
                List<MirroredRow> rows = new ArrayList<>();
                for (MirroredTable table : MirroredTable.values()) {
                    rows.addAll(read(c, table, "r.user_id = ?", userId.value()));
                }
                c.commit();
                return rows;
            } finally {
                c.rollback();
                c.setAutoCommit(true);
                c.setReadOnly(false);
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            }
        } catch (SQLException e) {
            throw SqlErrors.map(e);
        }
    }

    @Override
    public List<UserId> users() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT user_id FROM users ORDER BY user_id");
             ResultSet rs = s.executeQuery()) {
            List<UserId> users = new ArrayList<>();
            while (rs.next()) {
                users.add(new UserId(rs.getObject(1, UUID.class)));
            }
            return users;
        } catch (SQLException e) {
            throw SqlErrors.map(e);
        }
    }

    @Override
    public String toString() {
        return "PgOutbox";
    }

    private static OutboxPosition checkpoint(Connection c, String consumer) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT xid::text AS xid_text, id FROM outbox_checkpoints WHERE consumer = ?")) {
            s.setString(1, consumer);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? new OutboxPosition(Long.parseLong(rs.getString(1)), rs.getLong(2)) : OutboxPosition.START;
            }
        }
    }

    private static List<MirroredRow> read(Connection c, MirroredTable table, String where, Object parameter)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(STATE.get(table) + " WHERE " + where + " ORDER BY r."
                + table.idColumn())) {
            s.setObject(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                List<MirroredRow> rows = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> columns = new LinkedHashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        String name = meta.getColumnLabel(i);
                        if (!name.equals("id")) {
                            columns.put(name, "timestamptz".equals(meta.getColumnTypeName(i))
                                    ? Optional.ofNullable(rs.getObject(i, OffsetDateTime.class)).map(OffsetDateTime::toInstant).orElse(null)
                                    : rs.getObject(i));
                        }
                    }
                    rows.add(new MirroredRow(table, rs.getObject("id", UUID.class), (UUID) columns.get("user_id"), columns));
                }
                return rows;
            }
        }
    }

    private record Record(OutboxPosition position, MirroredTable table, UUID id, UUID userId) {
    }
}
