package io.plinth.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plinth.core.InvalidInputException;
import io.plinth.core.PageRequest;
import io.plinth.ledger.Account;
import io.plinth.ledger.Ledger;
import io.plinth.ledger.NewAccount;
import io.plinth.ledger.TransferRequest;
import io.plinth.ledger.TransferType;
import io.plinth.migrations.Migrations;
import io.plinth.tenancy.NewProject;
import io.plinth.tenancy.NewUser;
import io.plinth.tenancy.User;
import io.plinth.tenancy.Workspace;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Plinth adopts a database whose application already has tables of Plinth's names ({@code users},
 * {@code projects}, {@code conversations}, with other columns) and its own Flyway history in
 * {@code public}: Plinth goes into a schema of its own and leaves the application's tables as they
 * were; two Plinth schemas in one database stay apart. (The whole contract suite also runs on such a
 * database: {@link TestDatabase}, execution {@code contract-in-own-schema}.)
 */
class AdoptExistingDatabaseTest {
    private static String url;
    private static List<String> before;

    @BeforeAll
    static void createDatabase() {
        url = ApplicationDatabase.create(TestDatabase.dataSource(), TestDatabase.jdbcUrl(), "plinth_adoption");
        before = ApplicationDatabase.snapshot(ApplicationDatabase.plain(url));
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        try (Connection c = TestDatabase.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS plinth_adoption WITH (FORCE)");
        }
    }

    @Test
    void plinthMigratesIntoItsSchemaBesideTheApplicationsTablesAndLeavesThemAlone() throws SQLException {
        try (PostgresStore store = PostgresStore.builder().jdbcUrl(url).schema("plinth").maximumPoolSize(2).build()) {
            assertEquals("plinth", store.schema());
            User ada = store.users().create(NewUser.of("ada@example.com", "Ada"));
            Workspace ws = TestDatabase.newWorkspace(store, "Adopters");
            store.projects().create(new NewProject(ws.id(), "Atlas", "ATLAS_KEY", null, ada.id()));
            Account mint = store.ledger().openPlatformAccount(NewAccount.system("mint", Ledger.CREDITS));
            Account wallet = store.ledger().openAccount(NewAccount.workspaceCredits(ws.id()));
            store.ledger().platformTransfer(TransferRequest.builder().workspaceId(ws.id()).idempotencyKey("buy-1")
                    .debitAccountId(mint.id()).creditAccountId(wallet.id()).amount(500).type(TransferType.CREDIT)
                    .build());
            assertEquals(500, store.ledger().credits(ws.id()));
            assertTrue(store.ledger().verify().ok(), "ledger verifies");
        }

        DataSource plain = ApplicationDatabase.plain(url);
        assertEquals(before, ApplicationDatabase.snapshot(plain), "the application's tables and history are untouched");
        assertEquals(List.of("plinth.plinth_schema_history"), tables(plain, "%schema_history").stream()
                .filter(t -> t.startsWith("plinth.")).toList());
        assertTrue(tables(plain, "plinth_schema_history").stream().noneMatch(t -> t.startsWith("public.")),
                "no Plinth history in public");
        assertTrue(tables(plain, "users").containsAll(List.of("plinth.users", "public.users")));
        assertEquals(Migrations.apply(plain, "plinth").applied(), 0, "applying again finds the schema current");
    }

    @Test
    void plinthsFunctionsFindPlinthsTablesWhateverTheCallersSearchPath() throws SQLException {
        PostgresStore.builder().jdbcUrl(url).schema("plinth").maximumPoolSize(2).build().close();
        DataSource plain = ApplicationDatabase.plain(url);     // search_path "$user", public: the application's
        UUID user = UUID.randomUUID();
        UUID conversation = UUID.randomUUID();
        try (Connection c = plain.getConnection()) {
            c.setAutoCommit(false);
            try {
                execute(c, "INSERT INTO plinth.users (user_id, email) VALUES (?, 'raw@example.com')", user);
                execute(c, "INSERT INTO plinth.conversations (id, user_id) VALUES (?, ?)", conversation, user);
                // the owner trigger fills user_id from Plinth's conversations, not the application's
                execute(c, "INSERT INTO plinth.conversation_messages (conversation_id, role, content) "
                        + "VALUES (?, 'user', 'hello')", conversation);
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT user_id FROM plinth.conversation_messages WHERE conversation_id = ?")) {
                    ps.setObject(1, conversation);
                    try (ResultSet r = ps.executeQuery()) {
                        assertTrue(r.next());
                        assertEquals(user, r.getObject(1));
                    }
                }
            } finally {
                c.rollback();
            }
            try (Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT p.proname, coalesce(array_to_string(p.proconfig, ','), '') "
                         + "FROM pg_proc p WHERE p.pronamespace = 'plinth'::regnamespace ORDER BY 1")) {
                int functions = 0;
                while (r.next()) {
                    functions++;
                    assertEquals("search_path=plinth", r.getString(2), r.getString(1) + " runs in Plinth's schema");
                }
                assertTrue(functions >= 10, "found Plinth's functions");
            }
        }
    }

    @Test
    void twoPlinthSchemasInOneDatabaseStayApart() {
        try (PostgresStore one = PostgresStore.builder().jdbcUrl(url).schema("plinth_one").maximumPoolSize(2).build();
             PostgresStore two = PostgresStore.builder().jdbcUrl(url).schema("plinth_two").maximumPoolSize(2).build()) {
            User a = one.users().create(NewUser.of("same@example.com", "In one"));
            User b = two.users().create(NewUser.of("same@example.com", "In two"));   // no clash across schemas
            assertEquals(List.of(a.id()), one.users().list(PageRequest.first()).items().stream().map(User::id).toList());
            assertEquals(List.of(b.id()), two.users().list(PageRequest.first()).items().stream().map(User::id).toList());
            assertTrue(two.users().find(a.id()).isEmpty(), "a row of one schema is not found in the other");
        }
    }

    @Test
    void aCallersDataSourceThatResolvesNamesElsewhereIsRefusedBeforeAnythingIsWritten() throws SQLException {
        DataSource plain = ApplicationDatabase.plain(url);     // resolves names in public
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> PostgresStore.builder().dataSource(plain).schema("plinth_elsewhere").build());
        assertEquals("schema", e.field());
        assertTrue(e.getMessage().contains("resolve names in schema public"), e.getMessage());
        assertTrue(tables(plain, "%").stream().noneMatch(t -> t.startsWith("plinth_elsewhere.")));
        try (Connection c = plain.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*) FROM pg_namespace WHERE nspname = 'plinth_elsewhere'")) {
            r.next();
            assertEquals(0, r.getInt(1), "no schema created");
        }

        org.postgresql.ds.PGSimpleDataSource inSchema = ApplicationDatabase.plain(url);
        inSchema.setCurrentSchema("plinth_given");
        try (PostgresStore store = PostgresStore.builder().dataSource(inSchema).schema("plinth_given").build()) {
            store.users().create(NewUser.of("given@example.com", "Given"));
        }
        assertTrue(tables(plain, "users").containsAll(List.of("plinth_given.users", "public.users")));
    }

    @Test
    void aSchemaNameMustBeAPlainLowerCaseIdentifier() {
        for (String bad : new String[] {null, "", "Plinth", "1plinth", "plinth-x", "plinth; DROP TABLE users", "a".repeat(64)}) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> PostgresStore.builder().schema(bad));
            assertEquals("schema", e.field());
            InvalidInputException m = assertThrows(InvalidInputException.class,
                    () -> Migrations.apply(TestDatabase.dataSource(), bad));
            assertEquals("schema", m.field());
        }
        PostgresStore.builder().schema("plinth_2");
        PostgresStore.builder().schema("_p");
    }

    /** Schema-qualified names of the tables whose name is like {@code pattern}, sorted. */
    private static List<String> tables(DataSource ds, String pattern) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT table_schema || '.' || table_name FROM "
                     + "information_schema.tables WHERE table_name LIKE ? ORDER BY 1")) {
            ps.setString(1, pattern);
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    out.add(r.getString(1));
                }
            }
        }
        return out;
    }

    private static void execute(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        }
    }
}
