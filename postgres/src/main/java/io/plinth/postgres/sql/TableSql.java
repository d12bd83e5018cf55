package io.plinth.postgres.sql;

import io.plinth.core.Json;
import io.plinth.core.table.Column;
import io.plinth.core.table.ColumnType;
import io.plinth.core.table.Table;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jdbi.v3.core.mapper.RowMapper;
import org.postgresql.util.PGobject;

/**
 * The SQL a {@link Table} declaration gives: insert, select by id within the tenant, the optimistic
 * update, delete, and the keyset listing by tenant — every statement written out once per table,
 * readable in {@link #toString()}. Values are bound by name ({@code :name} per column) with their
 * column's type; rows are read back into the declaration's reader. Thread-safe; one per table.
 *
 * @param <R> the row record
 */
public final class TableSql<R> {
    /** The parameter that carries the store's time in an update. */
    public static final String NOW = "plinth_now";

    private static final Map<Table<?, ?>, TableSql<?>> CACHE = new ConcurrentHashMap<>();

    private final Table<?, R> table;
    private final String insert;
    private final String select;
    private final String selectAll;
    private final String update;
    private final String exists;
    private final String delete;
    private final String list;
    private final RowMapper<R> mapper;
    private final Map<String, Column<R>> byName = new HashMap<>();
    private final Positional insertPositional;
    private final Positional selectPositional;
    private final Positional updatePositional;
    private final Positional existsPositional;
    private final Positional deletePositional;
    /** The listing per page size (1 to {@code PageRequest.MAX_LIMIT} + 1): see {@link #listPositional(int)}. */
    private final Map<Integer, Positional> listPositional = new ConcurrentHashMap<>();

    private TableSql(Table<?, R> table) {
        this.table = table;
        String columns = table.columns().stream().map(Column::name).collect(Collectors.joining(", "));
        String values = table.columns().stream().map(c -> ":" + c.name()).collect(Collectors.joining(", "));
        String id = table.idColumn();
        String scope = table.tenantColumn() == null ? "" : " AND " + table.tenantColumn() + " = :tenant";
        // No RETURNING: the row inserted is the row given, every column of it bound (instants already
        // at the microsecond, JSON in jsonb's canonical form), so reading it back would only cost
        // the server and the client a row's formatting and parsing.
        this.insert = "INSERT INTO " + table.name() + " (" + columns + ") VALUES (" + values + ")";
        this.selectAll = "SELECT " + columns + " FROM " + table.name();
        this.select = selectAll + " WHERE " + id + " = :id" + scope;
        this.exists = "SELECT EXISTS (SELECT 1 FROM " + table.name() + " WHERE " + id + " = :id" + scope + ")";
        this.delete = "DELETE FROM " + table.name() + " WHERE " + id + " = :id" + scope;
        this.list = "SELECT " + columns + " FROM " + table.name() + " WHERE "
                + (table.tenantColumn() == null ? "" : table.tenantColumn() + " = :tenant AND ")
                + id + " > :after ORDER BY " + id + " LIMIT :limit";
        StringBuilder set = new StringBuilder();
        for (Column<R> c : table.columns()) {
            if (c.updatable()) {
                set.append(set.length() == 0 ? "" : ", ").append(c.name()).append(" = :").append(c.name());
            }
        }
        for (String touched : table.touchedColumns()) {
            set.append(set.length() == 0 ? "" : ", ").append(touched).append(" = :").append(NOW);
        }
        String version = table.versionColumn();
        if (version != null) {
            set.append(set.length() == 0 ? "" : ", ").append(version).append(" = ").append(version).append(" + 1");
        }
        this.update = "UPDATE " + table.name() + " SET " + set + " WHERE " + id + " = :" + id
                + (table.tenantColumn() == null ? "" : " AND " + table.tenantColumn() + " = :" + table.tenantColumn())
                + (version == null ? "" : " AND " + version + " = :" + version) + " RETURNING " + columns;
        this.mapper = this::read;
        for (Column<R> c : table.columns()) {
            byName.put(c.name(), c);
        }
        this.insertPositional = Positional.of(insert);
        this.selectPositional = Positional.of(select);
        this.updatePositional = Positional.of(update);
        this.existsPositional = Positional.of(exists);
        this.deletePositional = Positional.of(delete);
    }

    /**
     * One of the table's statements with JDBC's positional parameters: {@code sql} has a {@code ?}
     * where the named form has {@code :name}, and {@code parameters} lists those names in order. The
     * generic repository runs its statements this way, on the handle's connection, without JDBI's
     * per-statement machinery (parsing, argument look-up, result iterators), which cost several times
     * what the driver does for a one-row statement.
     */
    public record Positional(String sql, List<String> parameters) {
        private static final Pattern NAMED = Pattern.compile("(?<!:):([A-Za-z_][A-Za-z0-9_]*)");

        /** The positional form of a statement written with {@code :name} parameters. */
        public static Positional of(String named) {
            Matcher m = NAMED.matcher(named);
            List<String> names = new ArrayList<>();
            StringBuilder sql = new StringBuilder();
            while (m.find()) {
                names.add(m.group(1));
                m.appendReplacement(sql, "?");
            }
            m.appendTail(sql);
            return new Positional(sql.toString(), List.copyOf(names));
        }
    }

    /** {@link #insert()} with positional parameters. */
    public Positional insertPositional() {
        return insertPositional;
    }

    /** {@link #select()} with positional parameters. */
    public Positional selectPositional() {
        return selectPositional;
    }

    /** {@link #update()} with positional parameters. */
    public Positional updatePositional() {
        return updatePositional;
    }

    /** {@link #exists()} with positional parameters. */
    public Positional existsPositional() {
        return existsPositional;
    }

    /** {@link #delete()} with positional parameters. */
    public Positional deletePositional() {
        return deletePositional;
    }

    /**
     * {@link #list()} with positional parameters and {@code limit} written into the SQL. A limit
     * bound as a parameter would make PostgreSQL re-plan the listing on every execution: the plan
     * for an unknown limit is costed for a tenth of the table, so the server never settles on a
     * generic plan and plans each call anew (a third of a page's server time in {@code bench crud}).
     */
    public Positional listPositional(int limit) {
        Positional made = listPositional.get(limit);
        return made != null ? made
                : listPositional.computeIfAbsent(limit, l -> Positional.of(list.replace(":limit", Integer.toString(l))));
    }

    /**
     * Prepares {@code statement} on {@code connection} and binds each of its parameters from
     * {@code values} by name, as JDBI would: by the value's type, SQL NULL typed after the column
     * it stands for (or as {@code uuid}-compatible {@code OTHER} for {@code :id}, {@code :tenant}).
     */
    public PreparedStatement prepare(Connection connection, Positional statement, Map<String, Object> values)
            throws SQLException {
        PreparedStatement prepared = connection.prepareStatement(statement.sql());
        try {
            List<String> names = statement.parameters();
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                bindPositional(connection, prepared, i + 1, name, values.get(name));
            }
            return prepared;
        } catch (SQLException | RuntimeException e) {
            prepared.close();
            throw e;
        }
    }

    private void bindPositional(Connection connection, PreparedStatement statement, int position, String name,
                                Object value) throws SQLException {
        Column<R> column = byName.get(name);
        if (value == null) {
            statement.setNull(position, column == null ? Types.OTHER : sqlType(column.type()));
        } else if (value instanceof UUID uuid) {
            statement.setObject(position, uuid);
        } else if (value instanceof java.time.Instant instant) {
            statement.setObject(position, instant.atOffset(ZoneOffset.UTC));
        } else if (value instanceof Json json) {
            PGobject jsonb = new PGobject();
            jsonb.setType("jsonb");
            jsonb.setValue(json.toString());
            statement.setObject(position, jsonb);
        } else if (column != null && column.type() == ColumnType.TEXT_ARRAY) {
            @SuppressWarnings("unchecked")
            List<String> items = (List<String>) value;
            statement.setArray(position, connection.createArrayOf("text", items.toArray()));
        } else {
            statement.setObject(position, value);
        }
    }

    private static int sqlType(ColumnType type) {
        return switch (type) {
            case UUID, JSON -> Types.OTHER;
            case TEXT -> Types.VARCHAR;
            case INSTANT -> Types.TIMESTAMP_WITH_TIMEZONE;
            case BOOLEAN -> Types.BOOLEAN;
            case INTEGER -> Types.INTEGER;
            case LONG -> Types.BIGINT;
            case DOUBLE -> Types.DOUBLE;
            case TEXT_ARRAY -> Types.ARRAY;
        };
    }

    /** Reads the row on the result set's current row, whose columns are the table's, in declaration order. */
    public R readRow(ResultSet rs) throws SQLException {
        List<Column<R>> columns = table.columns();
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = value(rs, i + 1, columns.get(i).type());
        }
        return table.read(values);
    }

    /** The SQL of {@code table}. */
    @SuppressWarnings("unchecked")
    public static <R> TableSql<R> of(Table<?, R> table) {
        TableSql<?> made = CACHE.get(table);
        return (TableSql<R>) (made != null ? made : CACHE.computeIfAbsent(table, TableSql::new));
    }

    public String insert() {
        return insert;
    }

    public String select() {
        return select;
    }

    public String update() {
        return update;
    }


    /** {@code SELECT <every column> FROM <table> WHERE <condition>}: a special look-up's SQL. */
    public String selectWhere(String condition) {
        return selectAll + " WHERE " + condition;
    }

    public String exists() {
        return exists;
    }

    public String delete() {
        return delete;
    }

    public String list() {
        return list;
    }

    /** Reads a row of the table's columns. */
    public RowMapper<R> mapper() {
        return mapper;
    }


    private R read(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws SQLException {
        List<Column<R>> columns = table.columns();
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = value(rs, columns.get(i).name(), columns.get(i).type());
        }
        return table.read(values);
    }

    private static Object value(ResultSet rs, String column, ColumnType type) throws SQLException {
        return value(rs, rs.findColumn(column), type);
    }

    private static Object value(ResultSet rs, int column, ColumnType type) throws SQLException {
        Object value = switch (type) {
            case UUID -> rs.getObject(column, UUID.class);
            case TEXT -> rs.getString(column);
            case INSTANT -> {
                OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
                yield time == null ? null : time.toInstant();
            }
            case JSON -> {
                String text = rs.getString(column);
                yield text == null ? null : Json.parse(text);
            }
            case BOOLEAN -> rs.getBoolean(column);
            case INTEGER -> rs.getInt(column);
            case LONG -> rs.getLong(column);
            case DOUBLE -> rs.getDouble(column);
            case TEXT_ARRAY -> {
                Array array = rs.getArray(column);
                yield array == null ? null : List.copyOf(Arrays.asList((String[]) array.getArray()));
            }
        };
        return rs.wasNull() ? null : value;
    }

    @Override
    public String toString() {
        return String.join(";\n", insert, select, update, delete, list);
    }
}
