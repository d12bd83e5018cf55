package io.plinth.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.plinth.core.ConflictException;
import io.plinth.core.Store;
import io.plinth.ledger.Account;
import io.plinth.ledger.Ledger;
import io.plinth.ledger.NewAccount;
import io.plinth.ledger.Transfer;
import io.plinth.ledger.TransferRequest;
import io.plinth.ledger.TransferType;
import io.plinth.postgres.sql.SqlErrors;
import io.plinth.tenancy.Workspace;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/**
 * The database itself keeps the ledger immutable: UPDATE, DELETE and TRUNCATE of transfers and
 * entries, and DELETE and TRUNCATE of accounts, are rejected, and Plinth reports each refusal as a
 * {@link ConflictException}.
 */
class LedgerImmutabilityTest {

    @Test
    void theDatabaseRejectsUpdatesDeletesAndTruncatesOfTheLedger() throws SQLException {
        Store store = TestDatabase.emptyStore(Clock.systemUTC());
        Workspace workspace = TestDatabase.newWorkspace(store, "Vault");
        Account mint = store.ledger().openPlatformAccount(NewAccount.system("mint", Ledger.CREDITS));
        Account wallet = store.ledger().openAccount(NewAccount.workspaceCredits(workspace.id()));
        Transfer transfer = store.ledger().platformTransfer(
                TransferRequest.builder().workspaceId(workspace.id()).idempotencyKey("k1")
                        .debitAccountId(mint.id()).creditAccountId(wallet.id())
                        .amount(100).type(TransferType.CREDIT).description("minted").build());

        try (Connection c = TestDatabase.dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String sql : new String[] {
                    "UPDATE ledger_transfers SET amount = 1000000 WHERE id = '" + transfer.id() + "'",
                    "DELETE FROM ledger_transfers WHERE id = '" + transfer.id() + "'",
                    "UPDATE ledger_entries SET amount = amount * 2 WHERE transfer_id = '" + transfer.id() + "'",
                    "DELETE FROM ledger_entries WHERE transfer_id = '" + transfer.id() + "'",
                    "DELETE FROM ledger_accounts WHERE id = '" + wallet.id() + "'",
                    "TRUNCATE ledger_transfers",
                    "TRUNCATE ledger_entries",
                    "TRUNCATE ledger_accounts CASCADE",
                    "TRUNCATE ledger_transfers, ledger_entries, ledger_accounts",
                    "TRUNCATE workspaces CASCADE"}) {
                SQLException e = assertThrows(SQLException.class, () -> s.executeUpdate(sql), sql);
                assertEquals("PLIM0", e.getSQLState(), e.getMessage());
                assertInstanceOf(ConflictException.class, SqlErrors.map(e), sql);
            }
        }
        assertEquals(transfer, store.ledger().getTransfer(workspace.id(), transfer.id()));
        assertEquals(100, store.ledger().credits(workspace.id()));
        assertEquals(true, store.ledger().verify().ok());
        store.close();
    }
}
