package io.plinth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plinth.ledger.AccountId;
import io.plinth.ledger.NewAccount;
import io.plinth.ledger.TransferRequest;
import io.plinth.ledger.TransferType;
import io.plinth.postgres.EmbeddedDatabase;
import io.plinth.postgres.PostgresStore;
import io.plinth.tenancy.NewUser;
import io.plinth.tenancy.NewWorkspace;
import io.plinth.tenancy.WorkspaceId;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** {@code plinth ledger verify} on an embedded PostgreSQL: sound, then tampered with behind Plinth's back. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LedgerVerifyCommandTest {
    private static EmbeddedDatabase db;

    @BeforeAll
    static void start() {
        db = EmbeddedDatabase.start();
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    @Order(1)
    void anEmptyLedgerIsOk() {
        CommandOutput result = CommandOutput.run("ledger", "verify", "--jdbc-url", db.jdbcUrl());

        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().contains("checked 0 accounts, 0 transfers, 0 entries"), result.out());
        assertTrue(result.out().strip().endsWith("ledger OK"), result.out());
    }

    @Test
    @Order(2)
    void aSoundLedgerIsOkAndAnEntryChangedBehindPlinthsBackIsReported() throws SQLException {
        try (PostgresStore store = PostgresStore.builder().jdbcUrl(db.jdbcUrl()).maximumPoolSize(2).build()) {
            WorkspaceId ws = store.workspaces().create(NewWorkspace.of("Verify",
                    store.users().create(NewUser.of("verify@example.com", "Vera")).id())).id();
            AccountId mint = store.ledger().openPlatformAccount(NewAccount.system("mint", "XCR")).id();
            AccountId credits = store.ledger().openAccount(NewAccount.workspaceCredits(ws)).id();
            store.ledger().platformTransfer(TransferRequest.builder().workspaceId(ws).idempotencyKey("grant-1")
                    .debitAccountId(mint).creditAccountId(credits).amount(500).type(TransferType.CREDIT).build());
        }

        CommandOutput sound = CommandOutput.run("ledger", "verify", "--jdbc-url", db.jdbcUrl());
        assertEquals(0, sound.exitCode(), sound::toString);
        assertTrue(sound.out().contains("checked 2 accounts, 1 transfer, 2 entries"), sound.out());
        assertTrue(sound.out().strip().endsWith("ledger OK"), sound.out());

        // as the superuser, with the immutability trigger off: what no Plinth call can do
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE ledger_entries DISABLE TRIGGER ledger_entries_immutable");
            s.executeUpdate("UPDATE ledger_entries SET amount = amount + 1 WHERE amount > 0");
            s.execute("ALTER TABLE ledger_entries ENABLE TRIGGER ledger_entries_immutable");
        }

        CommandOutput tampered = CommandOutput.run("ledger", "verify", "--jdbc-url", db.jdbcUrl());
        assertEquals(1, tampered.exitCode(), tampered::toString);
        assertTrue(tampered.out().contains("ledger has "), tampered.out());
        assertTrue(tampered.out().lines().anyMatch(line -> line.startsWith("transfer ") && line.contains("does not balance")),
                tampered.out());
        assertTrue(tampered.out().lines().anyMatch(line -> line.contains("has balance 500 but its entries sum to 501")),
                tampered.out());
        assertTrue(!tampered.out().contains("ledger OK"), tampered.out());
    }

    @Test
    void anUnreachableServerIsOneLineAndExitCodeOne() {
        CommandOutput result = CommandOutput.run("ledger", "verify", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/nope");

        assertEquals(1, result.exitCode());
        assertEquals(1, result.err().strip().lines().count(), result.err());
        assertTrue(result.err().startsWith("plinth ledger verify: "), result.err());
    }
}
