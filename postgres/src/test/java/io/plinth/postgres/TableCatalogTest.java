package io.plinth.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.plinth.core.table.Column;
import io.plinth.core.table.ForeignKey;
import io.plinth.core.table.Schema;
import io.plinth.core.table.Table;
import io.plinth.core.table.UniqueKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Holds every table declaration ({@link Schema}) against PostgreSQL's catalog after the migrations:
 * the same columns with the same types and nullability, the same primary key (the id, or the tenant and
 * the id: {@link Table#keyedByTenant()}) by name and columns in order, the same unique keys
 * (a unique index on an expression by name and expression), and the same foreign keys with their
 * on-delete rules. What the in-memory store enforces from a
 * declaration is therefore exactly what the migration enforces.
 */
class TableCatalogTest {
    @TestFactory
    Stream<DynamicTest> everyDeclarationMatchesItsTable() {
        return Schema.TABLES.stream().map(table -> DynamicTest.dynamicTest(table.name(), () -> check(table)));
    }

    private static void check(Table<?, ?> table) throws SQLException {
        try (Connection c = TestDatabase.dataSource().getConnection()) {
            assertEquals(declaredColumns(table), new TreeSet<>(rows(c, """
                    SELECT column_name || ' ' || data_type || CASE WHEN is_nullable = 'YES' THEN ' null' ELSE ' not null' END
                      FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ?""",
                    table.name())), "columns of " + table.name());
            assertEquals(List.of(table.name() + "_pkey (" + String.join(", ", table.primaryKey()) + ")"), rows(c, """
                    SELECT ic.relname || ' (' || string_agg(a.attname, ', ' ORDER BY k.n) || ')'
                      FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
                      CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, n)
                      JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
                     WHERE i.indrelid = to_regclass(?) AND i.indisprimary
                     GROUP BY ic.relname""", table.name()), "primary key of " + table.name());
            List<String> unique = new ArrayList<>();
            for (UniqueKey key : table.uniqueKeys()) {
                if (table.keyedByTenant() && key.name().equals(table.name() + "_pkey")) {
                    // the primary key (tenant, id), checked above; listed so both stores refuse a second row
                    assertEquals(table.primaryKey(), key.columns(), "primary key of " + table.name());
                    continue;
                }
                if (key.expression() != null) {
                    // an index on an expression, which the query below cannot list by column: checked by name
                    assertEquals(List.of(normalized(key.expression())), rows(c, """
                            SELECT pg_get_indexdef(i.indexrelid, 1, true) FROM pg_index i
                              JOIN pg_class ic ON ic.oid = i.indexrelid
                             WHERE i.indrelid = to_regclass(?) AND i.indisunique AND i.indexprs IS NOT NULL
                               AND ic.relname = '""" + key.name() + "'", table.name()).stream().map(TableCatalogTest::normalized)
                            .toList(), "unique index " + key.name() + " of " + table.name());
                    continue;
                }
                unique.add(key.name() + " (" + String.join(", ", key.columns()) + ")");
            }
            assertEquals(new TreeSet<>(unique), new TreeSet<>(rows(c, """
                    SELECT ic.relname || ' (' || string_agg(a.attname, ', ' ORDER BY k.n) || ')'
                      FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
                      CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, n)
                      JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
                     WHERE i.indrelid = to_regclass(?) AND i.indisunique AND NOT i.indisprimary
                     GROUP BY ic.relname""", table.name())), "unique keys of " + table.name());
            List<String> foreign = new ArrayList<>();
            for (ForeignKey fk : table.foreignKeys()) {
                foreign.add(fk.name() + " (" + fk.column() + ") " + fk.table() + " (" + fk.key() + ") " + fk.onDelete().sql());
            }
            assertEquals(new TreeSet<>(foreign), new TreeSet<>(rows(c, """
                    SELECT con.conname || ' (' || a.attname || ') ' || ref.relname || ' (' || ra.attname || ') '
                           || CASE con.confdeltype WHEN 'c' THEN 'CASCADE' WHEN 'n' THEN 'SET NULL' WHEN 'r' THEN 'RESTRICT'
                                                   WHEN 'a' THEN 'NO ACTION' ELSE 'SET DEFAULT' END
                      FROM pg_constraint con
                      JOIN pg_class ref ON ref.oid = con.confrelid
                      JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = con.conkey[1]
                      JOIN pg_attribute ra ON ra.attrelid = con.confrelid AND ra.attnum = con.confkey[1]
                     WHERE con.conrelid = to_regclass(?) AND con.contype = 'f'""", table.name())),
                    "foreign keys of " + table.name());
        }
    }

    private static <R> TreeSet<String> declaredColumns(Table<?, R> table) {
        TreeSet<String> columns = new TreeSet<>();
        for (Column<R> column : table.columns()) {
            columns.add(column.name() + " " + column.type().catalogName() + (column.nullable() ? " null" : " not null"));
        }
        return columns;
    }

    /**
     * An index expression without what PostgreSQL adds when it prints one back (casts to {@code text},
     * parentheses, spaces): {@code lower((email)::text COLLATE "C")} and {@code lower(email COLLATE "C")}
     * are the same.
     */
    private static String normalized(String expression) {
        return expression.replace("::text", "").replaceAll("[()\\s]", "");
    }

    private static List<String> rows(Connection c, String sql, String table) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, table);
            List<String> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(r.getString(1));
                }
            }
            return rows;
        }
    }
}
