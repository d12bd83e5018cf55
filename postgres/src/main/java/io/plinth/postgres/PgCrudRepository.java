package io.plinth.postgres;

import io.plinth.core.ConflictException;
import io.plinth.core.CrudRepository;
import io.plinth.core.Id;
import io.plinth.core.Ids;
import io.plinth.core.NotFoundException;
import io.plinth.core.Page;
import io.plinth.core.PageRequest;
import io.plinth.core.table.Table;
import io.plinth.postgres.sql.TableSql;
import io.plinth.postgres.sql.SingleStatement;
import io.plinth.postgres.sql.SqlErrors;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * A {@link CrudRepository} on a declared table, with the SQL its declaration gives
 * ({@link TableSql}): what every declared model gets on PostgreSQL without a line of its own. A
 * model's special calls extend it. Internal: not part of Plinth's API, left out of the Javadoc.
 */
public class PgCrudRepository<S extends Id, I extends Id, N, R> implements CrudRepository<S, I, N, R> {
    protected final PgSession session;
    protected final Table<N, R> table;
    protected final TableSql<R> sql;
    protected final Supplier<Instant> now;

    public PgCrudRepository(PgSession session, Table<N, R> table, Supplier<Instant> now) {
        this.session = session;
        this.table = table;
        this.sql = TableSql.of(table);
        this.now = now;
    }

    /**
     * Atomic on its own: one INSERT when the row sets no same-tenant reference, else the references'
     * look-ups and the INSERT in a transaction (the caller's, or one of their own).
     */
    @Override
    @SingleStatement
    public R create(N request) {
        R row = table.create(request, Ids.next(), now.get());
        if (!table.setsReferences(row, null)) {
            return insert(row);
        }
        return atomically(() -> {
            table.checkReferences(row, null, this::exists);
            return insert(row);
        });
    }

    /** Runs {@code work} in the unit of work's transaction, or in one of its own on a connection in auto-commit mode. */
    protected <T> T atomically(Supplier<T> work) {
        return session.atomically(work);
    }

    /** A JDBI handle on the session's connection, for a model's special calls. */
    protected Handle handle() {
        return session.handle();
    }

    /** Whether the parent row is in the tenant. */
    private boolean exists(Table<?, ?> parent, UUID key, UUID tenant) {
        return exists(TableSql.of(parent), key, tenant);
    }

    private boolean exists(TableSql<?> sql, UUID key, UUID tenant) {
        return query(sql, sql.existsPositional(), scoped(key, tenant), rs -> rs.next() && rs.getBoolean(1));
    }

    /**
     * Inserts a whole row and returns it: as stored, since every column is given and the store
     * keeps each value as given (instants are at the microsecond and JSON canonical by the time a
     * row is made).
     */
    protected R insert(R row) {
        Map<String, Object> values = table.values(row);
        try (PreparedStatement statement = sql.prepare(session.connection(), sql.insertPositional(), values)) {
            statement.executeUpdate();
            return row;
        } catch (SQLException e) {
            throw taken(SqlErrors.map(e), values);
        }
    }

    /**
     * A unique key of this table taken: a {@link ConflictException} worded by the declaration from the
     * row's own values, exactly as the in-memory store words it (PostgreSQL's DETAIL cannot be split
     * back into values when a text holds {@code ", "}); any other failure unchanged.
     */
    protected RuntimeException taken(RuntimeException failure, Map<String, Object> values) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String constraint = t instanceof org.postgresql.util.PSQLException psql && "23505".equals(psql.getSQLState())
                    && psql.getServerErrorMessage() != null ? psql.getServerErrorMessage().getConstraint()
                    : t instanceof io.plinth.postgres.sql.DatabaseFailure db && "23505".equals(db.getSQLState())
                    ? db.constraint() : null;
            if (constraint == null) {
                continue;
            }
            for (io.plinth.core.table.UniqueKey key : table.uniqueKeys()) {
                if (key.name().equals(constraint)) {
                    List<Object> keyValues = key.columns().stream().map(values::get).toList();
                    return new ConflictException(key.message().apply(keyValues),
                            io.plinth.postgres.sql.DatabaseFailure.of(t));
                }
            }
        }
        return failure;
    }

    /** The stored row, in any state, for the reference check of an update (null when there is none). */
    private R find(UUID tenant, UUID id) {
        return query(sql, sql.selectPositional(), scoped(id, tenant), this::oneOrNull);
    }

    @Override
    public R get(S scope, I id) {
        return find(scope, id).orElseThrow(() -> new NotFoundException(table.entity(), id));
    }

    @Override
    public Optional<R> find(S scope, I id) {
        return Optional.ofNullable(find(tenant(scope), id.value()));
    }

    /**
     * Atomic on its own: one UPDATE (then, if it matched nothing, a read saying why) when the row
     * sets no same-tenant reference an update changes, else the stored row's read, the references'
     * look-ups and the UPDATE in a transaction (the caller's, or one of their own).
     */
    @Override
    @SingleStatement
    public R update(R row) {
        if (!table.updateSetsReferences(row)) {
            return updateRow(row);
        }
        return atomically(() -> {
            R stored = find(table.tenantOf(row), table.idOf(row));
            if (stored != null) {
                table.checkReferences(table.updated(stored, row, now.get()), stored, this::exists);
            }
            return updateRow(row);
        });
    }

    private R updateRow(R row) {
        UUID id = table.idOf(row);
        UUID tenant = table.tenantOf(row);
        Map<String, Object> values = table.values(row);
        values.put(TableSql.NOW, now.get());
        R updated;
        try {
            updated = query(sql, sql.updatePositional(), values, this::oneOrNull);
        } catch (RuntimeException e) {
            throw taken(e, table.values(row));
        }
        if (updated != null) {
            return updated;
        }
        throw exists(sql, id, tenant) ? ConflictException.staleVersion(table.entity(), id)
                : new NotFoundException(table.entity(), id);
    }

    @Override
    public void delete(S scope, I id) {
        int deleted;
        try (PreparedStatement statement = sql.prepare(session.connection(), sql.deletePositional(),
                scoped(id.value(), tenant(scope)))) {
            deleted = statement.executeUpdate();
        } catch (SQLException e) {
            throw SqlErrors.map(e);
        }
        if (deleted == 0) {
            throw new NotFoundException(table.entity(), id);
        }
    }

    @Override
    public Page<R> list(S scope, PageRequest page) {
        UUID after = page.afterKey() == null ? new UUID(0, 0) : page.afterKey();
        Map<String, Object> values = new HashMap<>(8);
        values.put("tenant", tenant(scope));
        values.put("after", after);
        List<R> rows = query(sql, sql.listPositional(page.limit() + 1), values, rs -> {
            List<R> read = new ArrayList<>(page.limit() + 1);
            while (rs.next()) {
                read.add(sql.readRow(rs));
            }
            return read;
        });
        return Page.of(rows, page.limit(), table::idOf);
    }

    /** Reads a result set. */
    @FunctionalInterface
    private interface Reader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /**
     * Runs one of a table's statements on the session's connection with plain JDBC (see
     * {@link TableSql.Positional}), failures mapped to Plinth's hierarchy.
     */
    private <T> T query(TableSql<?> on, TableSql.Positional statement, Map<String, Object> values, Reader<T> reader) {
        try (PreparedStatement prepared = on.prepare(session.connection(), statement, values);
             ResultSet rs = prepared.executeQuery()) {
            return reader.read(rs);
        } catch (SQLException e) {
            throw SqlErrors.map(e);
        }
    }

    /** The tenant of a scoped call; null for a table of no tenant ({@link PgTableRepository} passes no scope). */
    private static UUID tenant(Id scope) {
        return scope == null ? null : scope.value();
    }

    private static Map<String, Object> scoped(UUID id, UUID tenant) {
        Map<String, Object> values = new HashMap<>(4);
        values.put("id", id);
        values.put("tenant", tenant);
        return values;
    }

    private R oneOrNull(ResultSet rs) throws SQLException {
        return rs.next() ? sql.readRow(rs) : null;
    }

}
