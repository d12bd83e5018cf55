package io.plinth.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plinth.postgres.PrismaSchema.Field;
import io.plinth.postgres.PrismaSchema.KeyColumn;
import io.plinth.postgres.PrismaSchema.Model;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Holds PostgreSQL's catalog, after Plinth's migrations, against seed 004's Prisma schema (test
 * resource {@code seed-004-schema.prisma}, the seed's own text), the way introspecting the database
 * with Prisma and comparing would: every model is a table under its {@code @@map} name; every scalar
 * field a column under its name, of a compatible type, nullable exactly when the field is optional;
 * {@code @id} the primary key; {@code @unique} and {@code @@unique} unique keys on exactly those
 * columns; every {@code @relation(fields: …)} a foreign key to the referenced column with the same
 * on-delete and on-update rules (Prisma's defaults when absent: {@code SetNull} for an optional
 * relation, {@code Restrict} for a required one, on update {@code Cascade}); every {@code @@index}
 * an index on those columns in that order and direction; every SQL-level {@code @default} (a
 * literal, {@code now()}, {@code []}) the column's default. Constraint and index names are Prisma's
 * defaults ({@code <table>_pkey}, {@code <table>_<columns>_key|_idx|_fkey}), so an introspection
 * finds no {@code map:}.
 *
 * <p>Then what Plinth adds on the seed's tables must never trip a write a Prisma client generated
 * from the seed makes: every added column is nullable, has a default or is filled by the database;
 * every CHECK, extra unique index and trigger is listed in {@link #PLINTH_ADDITIONS} with why it
 * admits every value the seed allows, or why it is a deliberate deviation (also in docs/models.md).
 */
class PrismaSchemaTest {
    private static final PrismaSchema SEED = PrismaSchema.seed004();

    /**
     * Mismatches with the seed that Plinth keeps on purpose, each with its reason. Every entry must
     * still occur (a stale entry fails the test), and docs/models.md explains each.
     */
    private static final Map<String, String> DEVIATIONS = Map.of();

    /**
     * Everything Plinth adds on the seed's tables that a write could meet: CHECK constraints, unique
     * indexes beyond the seed's keys, triggers, NOT NULL columns without a default. Each with why a
     * row a Prisma client writes from seed 004 still passes — or, prefixed "deviation:", why Plinth
     * refuses some value the seed's type would allow.
     */
    private static final Map<String, String> PLINTH_ADDITIONS = Map.ofEntries(
            // users (V1): Plinth's rules for the user every context shares (seeds 000, 001, 003, 004)
            Map.entry("users: check users_email_check", "deviation: an email is an address (3 to 254 characters, an @ after the first); the seed's String would take any text"),
            Map.entry("users: check users_hashed_password_check", "deviation: a password hash is 1 to 255 characters; the seed's String would take an empty or longer one"),
            Map.entry("users: check users_name_check", "deviation: a name is at most 200 characters and not blank (User.MAX_NAME); the seed's String? would take any text"),
            Map.entry("users: check users_account_status_check", "deviation: the seed lists no account statuses; Plinth's are active (the seed's default), suspended and deactivated (UserStatus)"),
            Map.entry("users: check users_concepts_created_in_cycle_check", "deviation: a count of concepts is never negative; the seed's Int would take one"),
            Map.entry("users: check users_version_check", "version is Plinth's column (default 0), never written by a Prisma client"),
            Map.entry("users: unique users_email_lower_key", "deviation: emails are unique ignoring the case of A-Z (seeds 000 and 003 compare them so); the seed's @unique compares them exactly"),
            // user_sessions (V1)
            Map.entry("user_sessions: check user_sessions_ip_address_check", "deviation: an IP address is at most 45 characters (an IPv6 address in full); the seed's String? would take any text"),
            Map.entry("user_sessions: check user_sessions_user_agent_check", "deviation: a user agent is at most 1000 characters; the seed's String? would take any text"),
            Map.entry("user_sessions: check user_sessions_version_check", "version is Plinth's column (default 0), never written by a Prisma client"),
            // the memory companion (V6, V7): CHECKs that admit exactly the values the seed's comments list
            Map.entry("conversations: check conversations_status_check", "admits exactly the seed's comment: 'active', 'ended', 'processing', 'processed'"),
            Map.entry("conversation_messages: check conversation_messages_role_check", "admits exactly the seed's comment: 'user' or 'assistant'"),
            Map.entry("cards: check cards_source_entity_type_check", "admits exactly the seed's comment: 'MemoryUnit', 'Concept', 'DerivedArtifact', 'ProactivePrompt'"),
            Map.entry("cards: check cards_status_check", "admits exactly the seed's comment: 'active_canvas', 'active_archive', 'completed'"),
            Map.entry("concepts: check concepts_status_check", "admits exactly the seed's comment: 'active', 'merged', 'archived'"),
            Map.entry("media_items: check media_items_type_check", "admits exactly the seed's comment: 'image', 'audio', 'document'"),
            Map.entry("derived_artifacts: check derived_artifacts_artifact_type_check", "admits exactly the seed's comment: 'insight_summary', 'cycle_report', 'trophy'"),
            // columns Plinth adds that no default fills
            Map.entry("conversation_messages: column user_id", "Plinth's tenant column: trigger conversation_messages_owner fills it from the message's conversation when a writer leaves it out"),
            Map.entry("conversation_messages: trigger conversation_messages_owner", "fills user_id from the conversation; refuses only a user_id other than the conversation's, a column the seed does not have"),
            Map.entry("conversations: trigger conversations_status_forward", "deviation on UPDATE only: a status never moves back (active, ended, processing, processed); every insert and every forward or unchanged status passes"),
            Map.entry("growth_events: trigger growth_events_append_only", "deviation on UPDATE and DELETE only: growth events are append-only (the deletes cascading from their user pass); every insert passes"),
            Map.entry("growth_events: trigger growth_events_no_truncate", "deviation on TRUNCATE only: growth events are append-only"),
            Map.entry("interaction_logs: trigger interaction_logs_append_only", "deviation on UPDATE and DELETE only: interaction logs are append-only (the deletes cascading from their user pass); every insert passes"),
            Map.entry("interaction_logs: trigger interaction_logs_no_truncate", "deviation on TRUNCATE only: interaction logs are append-only"),
            // the outbox (V13): AFTER row triggers that only insert into outbox, a table no client writes
            Map.entry("users: trigger users_outbox", "records the change in outbox (V13); refuses nothing"),
            Map.entry("communities: trigger communities_outbox", "records the change in outbox (V13); refuses nothing"),
            Map.entry("memory_units: trigger memory_units_outbox", "records the change in outbox (V13); refuses nothing"),
            Map.entry("concepts: trigger concepts_outbox", "records the change in outbox (V13); refuses nothing"),
            Map.entry("derived_artifacts: trigger derived_artifacts_outbox", "records the change in outbox (V13); refuses nothing"),
            Map.entry("conversation_messages: trigger conversation_messages_outbox", "records the change in outbox (V17); refuses nothing"),
            Map.entry("cards: trigger cards_outbox", "records the change in outbox (V17); refuses nothing"));

    @Test
    void theResourceIsTheSeedsOwnSchema() throws IOException {
        Path seeds = Path.of("..", "..", "shared", "seeds");
        Assumptions.assumeTrue(Files.isDirectory(seeds),
                "shared/seeds/ is not beside the repository: cannot compare seed-004-schema.prisma with seed 004");
        Path seed;
        try (Stream<Path> files = Files.list(seeds)) {
            seed = files.filter(p -> p.getFileName().toString().startsWith("004_")).findFirst().orElse(null);
        }
        Assumptions.assumeTrue(seed != null, "no seed 004 in shared/seeds/");
        String text = Files.readString(seed, StandardCharsets.UTF_8);
        int start = text.indexOf("```prisma\n") + "```prisma\n".length();
        String block = text.substring(start, text.indexOf("```", start));
        String resource = PrismaSchema.resourceText("/seed-004-schema.prisma");
        // the resource's first two lines say where it comes from
        String copied = resource.substring(resource.indexOf('\n', resource.indexOf('\n') + 1) + 1);
        assertEquals(block, copied, "seed-004-schema.prisma must be seed 004 Part 1's Prisma schema, verbatim");
    }

    @Test
    void theParserReadsEveryModelOfTheSeed() {
        assertEquals(List.of("User", "UserSession", "Conversation", "ConversationMessage", "Card", "MemoryUnit",
                "Concept", "Media", "GrowthEvent", "UserChallenge", "ProactivePrompt", "DerivedArtifact", "Community",
                "InteractionLog", "UserGraphProjection"), SEED.models().stream().map(Model::name).toList());
        Field merged = SEED.model("Concept").field("merged_into_concept");
        assertEquals(List.of("merged_into_concept_id"), merged.relation().fields());
        assertEquals("NoAction", merged.relation().onUpdate());
        assertEquals(List.of(new KeyColumn("user_id", false), new KeyColumn("created_at", true)),
                SEED.model("UserGraphProjection").indexes().get(0));
        Field media = SEED.model("ConversationMessage").field("media_ids");
        assertTrue(media.list() && !media.optional() && "[]".equals(media.defaultValue()));
        assertEquals("\"UTC\"", SEED.model("User").field("timezone").defaultValue());
        assertTrue(SEED.model("User").field("last_active_at").updatedAt());
    }

    @TestFactory
    Stream<DynamicTest> everyModelOfTheSeedMatchesItsTable() {
        Map<String, List<String>> byModel = new LinkedHashMap<>();
        for (Model model : SEED.models()) {
            byModel.put(model.name(), new ArrayList<>());
        }
        return Stream.concat(SEED.models().stream().map(model -> DynamicTest.dynamicTest(model.name(), () -> {
            List<String> mismatches = mismatches(model);
            byModel.get(model.name()).addAll(mismatches);
            List<String> unexplained = mismatches.stream().filter(m -> !DEVIATIONS.containsKey(m)).toList();
            assertEquals(List.of(), unexplained, model.name() + " differs from seed 004");
        })), Stream.of(DynamicTest.dynamicTest("every deviation still occurs", () -> {
            Set<String> all = byModel.values().stream().flatMap(List::stream).collect(Collectors.toSet());
            assertEquals(Set.of(), DEVIATIONS.keySet().stream().filter(d -> !all.contains(d)).collect(Collectors.toSet()),
                    "deviations listed but no longer found");
        })));
    }

    @Test
    void whatPlinthAddsIsListedWithWhyAPrismaWriteStillPasses() throws SQLException {
        TreeSet<String> found = new TreeSet<>();
        try (Connection c = TestDatabase.dataSource().getConnection()) {
            for (Model model : SEED.models()) {
                Catalog table = Catalog.read(c, model.table());
                Set<String> seedColumns = model.scalars().stream().map(Field::name).collect(Collectors.toSet());
                for (Catalog.Column column : table.columns.values()) {
                    if (!seedColumns.contains(column.name) && column.notNull && column.defaultExpr == null) {
                        found.add(model.table() + ": column " + column.name);
                    }
                }
                Set<List<String>> seedKeys = new HashSet<>();
                model.uniques().forEach(u -> seedKeys.add(u.stream().map(KeyColumn::name).toList()));
                model.fields().stream().filter(f -> f.unique() || f.id()).forEach(f -> seedKeys.add(List.of(f.name())));
                for (Catalog.Index index : table.indexes) {
                    if (index.unique && !seedKeys.contains(index.columnNames())) {
                        found.add(model.table() + ": unique " + index.name);
                    }
                }
                table.checks.forEach(check -> found.add(model.table() + ": check " + check));
                table.triggers.forEach(trigger -> found.add(model.table() + ": trigger " + trigger));
            }
        }
        assertEquals(new TreeSet<>(PLINTH_ADDITIONS.keySet()), found,
                "what Plinth adds on the seed's tables, each with why a Prisma client's write still passes");
    }

    /** Every difference between a model and its table, one line each. */
    private static List<String> mismatches(Model model) throws SQLException {
        List<String> out = new ArrayList<>();
        String table = model.table();
        try (Connection c = TestDatabase.dataSource().getConnection()) {
            Catalog catalog = Catalog.read(c, table);
            if (!catalog.exists) {
                return List.of(model.name() + ": no table " + table);
            }
            for (Field field : model.scalars()) {
                String where = model.name() + "." + field.name();
                Catalog.Column column = catalog.columns.get(field.name());
                if (column == null) {
                    out.add(where + ": no column " + table + "." + field.name());
                    continue;
                }
                if (!compatible(field, column.type)) {
                    out.add(where + ": column type " + column.type + " cannot hold a Prisma " + field.type() + (field.list() ? "[]" : ""));
                }
                if (column.notNull == field.optional()) {
                    out.add(where + ": column is " + (column.notNull ? "NOT NULL" : "nullable") + ", the field is "
                            + (field.optional() ? "optional" : "required"));
                }
                String expected = sqlDefault(field);
                if (expected != null && !expected.equals(column.defaultExpr)) {
                    out.add(where + ": default " + column.defaultExpr + ", the seed's @default(" + field.defaultValue() + ") is " + expected);
                }
                if (field.id() && !catalog.primaryKey.equals(List.of(field.name()))) {
                    out.add(where + ": primary key is " + catalog.primaryKey);
                }
                if (field.id() && !(table + "_pkey").equals(catalog.primaryKeyName)) {
                    out.add(where + ": primary key named " + catalog.primaryKeyName + ", Prisma's name is " + table + "_pkey");
                }
                if (field.unique()) {
                    checkIndex(out, where, catalog, List.of(new KeyColumn(field.name(), false)), true, table + "_" + field.name() + "_key");
                }
            }
            for (List<KeyColumn> unique : model.uniques()) {
                checkIndex(out, model.name() + " @@unique" + unique, catalog, unique, true, name(table, unique, "key"));
            }
            for (List<KeyColumn> index : model.indexes()) {
                checkIndex(out, model.name() + " @@index" + index, catalog, index, false, name(table, index, "idx"));
            }
            for (Field field : model.fields()) {
                if (field.relation() == null || field.relation().fields().isEmpty()) {
                    continue;
                }
                checkForeignKey(out, model, field, catalog);
            }
        }
        return out;
    }

    private static String name(String table, List<KeyColumn> columns, String suffix) {
        return table + "_" + columns.stream().map(KeyColumn::name).collect(Collectors.joining("_")) + "_" + suffix;
    }

    private static void checkIndex(List<String> out, String where, Catalog catalog, List<KeyColumn> columns,
                                   boolean unique, String prismaName) {
        List<Catalog.Index> matching = catalog.indexes.stream()
                .filter(i -> i.columns.equals(columns) && (!unique || i.unique) && i.predicate == null).toList();
        if (matching.isEmpty()) {
            out.add(where + ": no " + (unique ? "unique " : "") + "index on exactly " + columns);
        } else if (matching.stream().noneMatch(i -> i.name.equals(prismaName))) {
            out.add(where + ": index named " + matching.get(0).name + ", Prisma's name is " + prismaName);
        }
    }

    private static void checkForeignKey(List<String> out, Model model, Field field, Catalog catalog) {
        PrismaSchema.Relation relation = field.relation();
        Model parent = SEED.model(field.type());
        String where = model.name() + "." + field.name();
        boolean optional = relation.fields().stream().anyMatch(f -> model.field(f).optional());
        String onDelete = relation.onDelete() != null ? relation.onDelete() : optional ? "SetNull" : "Restrict";
        String onUpdate = relation.onUpdate() != null ? relation.onUpdate() : "Cascade";
        String expected = relation.fields() + " -> " + parent.table() + relation.references()
                + " onDelete: " + onDelete + ", onUpdate: " + onUpdate;
        List<Catalog.ForeignKey> matching = catalog.foreignKeys.stream()
                .filter(fk -> fk.columns.equals(relation.fields())).toList();
        if (matching.isEmpty()) {
            out.add(where + ": no foreign key " + expected);
            return;
        }
        Catalog.ForeignKey fk = matching.get(0);
        String actual = fk.columns + " -> " + fk.parent + fk.parentColumns + " onDelete: " + fk.onDelete + ", onUpdate: " + fk.onUpdate;
        if (!actual.equals(expected)) {
            out.add(where + ": foreign key " + fk.name + " is " + actual + ", the seed's is " + expected);
        }
        String prismaName = model.table() + "_" + String.join("_", relation.fields()) + "_fkey";
        if (!fk.name.equals(prismaName)) {
            out.add(where + ": foreign key named " + fk.name + ", Prisma's name is " + prismaName);
        }
    }

    /** Whether a column of PostgreSQL type {@code type} holds what the Prisma field does (stricter types welcome). */
    private static boolean compatible(Field field, String type) {
        if (field.list()) {
            return field.type().equals("String") && type.equals("text[]");
        }
        return switch (field.type()) {
            // uuid: every seed id is @default(uuid()), and every reference holds one
            case "String" -> type.equals("text") || type.equals("uuid");
            case "Int" -> type.equals("integer");
            case "Float" -> type.equals("double precision");
            case "Boolean" -> type.equals("boolean");
            case "DateTime" -> type.startsWith("timestamp");
            case "Json" -> type.equals("jsonb");
            default -> false;
        };
    }

    /**
     * The column default a Prisma migration would create for the field's {@code @default}, as
     * {@code pg_get_expr} prints it; null when there is none in SQL: no {@code @default}, or
     * {@code uuid()}, which the Prisma client generates itself (Plinth's {@code gen_random_uuid()}
     * serves other writers and is not required).
     */
    private static String sqlDefault(Field field) {
        String value = field.defaultValue();
        if (value == null || value.equals("uuid()")) {
            return null;
        }
        if (value.equals("now()")) {
            return "now()";
        }
        if (value.equals("[]")) {
            return "'{}'::text[]";
        }
        if (value.startsWith("\"")) {
            return "'" + value.substring(1, value.length() - 1).replace("'", "''") + "'::text";
        }
        return value; // numbers and booleans print as written
    }

    /** What PostgreSQL's catalog says of one table. */
    private static final class Catalog {
        record Column(String name, String type, boolean notNull, String defaultExpr) {
        }

        record Index(String name, boolean unique, List<KeyColumn> columns, String predicate) {
            List<String> columnNames() {
                return columns.stream().map(KeyColumn::name).toList();
            }
        }

        record ForeignKey(String name, List<String> columns, String parent, List<String> parentColumns,
                          String onDelete, String onUpdate) {
        }

        boolean exists;
        final Map<String, Column> columns = new LinkedHashMap<>();
        List<String> primaryKey = List.of();
        String primaryKeyName;
        final List<Index> indexes = new ArrayList<>();
        final List<ForeignKey> foreignKeys = new ArrayList<>();
        final List<String> checks = new ArrayList<>();
        final List<String> triggers = new ArrayList<>();

        private static final Map<String, String> ACTIONS = Map.of("a", "NoAction", "r", "Restrict", "c", "Cascade",
                "n", "SetNull", "d", "SetDefault");

        static Catalog read(Connection c, String table) throws SQLException {
            Catalog catalog = new Catalog();
            try (PreparedStatement s = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
                s.setString(1, table);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    catalog.exists = r.getBoolean(1);
                }
            }
            if (!catalog.exists) {
                return catalog;
            }
            query(c, """
                    SELECT a.attname, format_type(a.atttypid, NULL), a.attnotnull, pg_get_expr(d.adbin, d.adrelid)
                      FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                     WHERE a.attrelid = to_regclass(?) AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum""",
                    table, r -> catalog.columns.put(r.getString(1),
                            new Column(r.getString(1), r.getString(2), r.getBoolean(3), r.getString(4))));
            query(c, """
                    SELECT ic.relname, i.indisunique, i.indisprimary, pg_get_expr(i.indpred, i.indrelid),
                           array_to_string(array_agg(coalesce(a.attname, '(expression)')
                               || CASE WHEN i.indoption[k.n - 1] & 1 = 1 THEN ' DESC' ELSE '' END ORDER BY k.n), ',')
                      FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
                      CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, n)
                      LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum AND k.attnum > 0
                     WHERE i.indrelid = to_regclass(?) AND k.n <= i.indnkeyatts
                     GROUP BY ic.relname, i.indisunique, i.indisprimary, i.indpred, i.indrelid""", table, r -> {
                List<KeyColumn> keys = new ArrayList<>();
                for (String key : r.getString(5).split(",")) {
                    keys.add(key.endsWith(" DESC") ? new KeyColumn(key.substring(0, key.length() - 5), true) : new KeyColumn(key, false));
                }
                if (r.getBoolean(3)) {
                    catalog.primaryKey = keys.stream().map(KeyColumn::name).toList();
                    catalog.primaryKeyName = r.getString(1);
                } else {
                    catalog.indexes.add(new Index(r.getString(1), r.getBoolean(2), List.copyOf(keys), r.getString(4)));
                }
            });
            query(c, """
                    SELECT con.conname, ref.relname, con.confdeltype, con.confupdtype,
                           (SELECT string_agg(a.attname, ',' ORDER BY k.n) FROM unnest(con.conkey) WITH ORDINALITY k(attnum, n)
                              JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum),
                           (SELECT string_agg(a.attname, ',' ORDER BY k.n) FROM unnest(con.confkey) WITH ORDINALITY k(attnum, n)
                              JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum)
                      FROM pg_constraint con JOIN pg_class ref ON ref.oid = con.confrelid
                     WHERE con.conrelid = to_regclass(?) AND con.contype = 'f'""", table, r -> catalog.foreignKeys.add(
                    new ForeignKey(r.getString(1), List.of(r.getString(5).split(",")), r.getString(2),
                            List.of(r.getString(6).split(",")), ACTIONS.get(r.getString(3)), ACTIONS.get(r.getString(4)))));
            query(c, "SELECT conname FROM pg_constraint WHERE conrelid = to_regclass(?) AND contype = 'c'", table,
                    r -> catalog.checks.add(r.getString(1)));
            query(c, "SELECT tgname FROM pg_trigger WHERE tgrelid = to_regclass(?) AND NOT tgisinternal", table,
                    r -> catalog.triggers.add(r.getString(1)));
            return catalog;
        }

        private interface RowHandler {
            void handle(ResultSet r) throws SQLException;
        }

        private static void query(Connection c, String sql, String table, RowHandler handler) throws SQLException {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, table);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        handler.handle(r);
                    }
                }
            }
        }
    }

}
