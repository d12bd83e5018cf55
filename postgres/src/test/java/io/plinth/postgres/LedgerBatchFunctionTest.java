package io.plinth.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.plinth.core.Store;
import io.plinth.ledger.Account;
import io.plinth.ledger.Ledger;
import io.plinth.ledger.NewAccount;
import io.plinth.ledger.TransferRequest;
import io.plinth.ledger.TransferType;
import io.plinth.tenancy.WorkspaceId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;

/**
 * {@code plinth_ledger_transfer_batch} answers every batch as {@code plinth_ledger_transfer} does,
 * also when raw SQL sends what Plinth's records would have refused before any SQL ran.
 */
class LedgerBatchFunctionTest {

    @Test
    void theBatchFunctionRefusesRawRequestsAsTheOneByOneFunctionDoes() throws SQLException {
        Store store = TestDatabase.emptyStore(Clock.systemUTC());
        WorkspaceId ws = TestDatabase.newWorkspace(store, "Raw").id();
        Account mint = store.ledger().openPlatformAccount(NewAccount.system("mint", Ledger.CREDITS));
        Account wallet = store.ledger().openAccount(NewAccount.workspaceCredits(ws));
        Account vendor = store.ledger().openAccount(new NewAccount(ws, "vendor", Ledger.CREDITS, false));
        store.ledger().platformTransfer(TransferRequest.builder().workspaceId(ws).idempotencyKey("fund")
                .debitAccountId(mint.id()).creditAccountId(wallet.id()).amount(100).type(TransferType.CREDIT).build());

        String fine = request(0, ws, "a", wallet.id().toString(), vendor.id().toString(), 1);
        for (String bad : new String[] {
                request(1, ws, "b", wallet.id().toString(), vendor.id().toString(), 0),
                request(1, ws, "c", wallet.id().toString(), vendor.id().toString(), -5),
                request(1, ws, "d", wallet.id().toString(), wallet.id().toString(), 1),
                request(1, ws, "e", wallet.id().toString(), UUID.randomUUID().toString(), 1),
                request(1, ws, "f", wallet.id().toString(), vendor.id().toString(), 101),
                request(1, ws, "a", wallet.id().toString(), vendor.id().toString(), 2)}) {
            String batch = "[" + fine + "," + bad + "]";
            SQLException oneByOne = refusal("plinth_ledger_transfer", batch);
            SQLException whole = refusal("plinth_ledger_transfer_batch", batch);
            assertEquals(oneByOne.getSQLState(), whole.getSQLState(), batch);
            assertEquals(firstLine(oneByOne), firstLine(whole), batch);
        }
        assertEquals(100, store.ledger().credits(ws), "nothing of a refused batch was kept");
        store.close();
    }

    @Test
    void bothFunctionsRefuseASystemDebitUnlessTheRequestIsThePlatforms() throws SQLException {
        Store store = TestDatabase.emptyStore(Clock.systemUTC());
        WorkspaceId ws = TestDatabase.newWorkspace(store, "Mint").id();
        Account mint = store.ledger().openPlatformAccount(NewAccount.system("mint", Ledger.CREDITS));
        Account wallet = store.ledger().openAccount(NewAccount.workspaceCredits(ws));
        Account vendor = store.ledger().openAccount(new NewAccount(ws, "vendor", Ledger.CREDITS, false));
        store.ledger().platformTransfer(TransferRequest.builder().workspaceId(ws).idempotencyKey("fund")
                .debitAccountId(mint.id()).creditAccountId(wallet.id()).amount(100).type(TransferType.CREDIT).build());

        String fine = request(0, ws, "a", wallet.id().toString(), vendor.id().toString(), 1);
        String minting = request(1, ws, "b", mint.id().toString(), vendor.id().toString(), 1);
        String notThePlatforms = minting.replace("}", ", \"platform\": false}");
        String thePlatforms = minting.replace("}", ", \"platform\": true}");
        for (String function : new String[] {"plinth_ledger_transfer", "plinth_ledger_transfer_batch"}) {
            for (String batch : new String[] {"[" + minting + "]", "[" + fine + "," + minting + "]",
                    "[" + fine + "," + notThePlatforms + "]", "[" + minting.replace("POSTED", "PENDING") + "]"}) {
                SQLException refused = refusal(function, batch);
                assertEquals("PLIV0", refused.getSQLState(), batch);
                assertEquals("debitAccountId", ((PSQLException) refused).getServerErrorMessage().getDetail(), batch);
            }
            assertEquals(2, accepted(function, "[" + fine + "," + thePlatforms + "]"), function);
        }
        assertEquals(100, store.ledger().credits(ws), "nothing of a refused batch was kept");
        assertEquals(-100, store.ledger().getSystemAccount(mint.id()).balance());
        store.close();
    }

    /** How many transfers the function returns for the batch, in a transaction rolled back afterwards. */
    private static int accepted(String function, String batch) throws SQLException {
        try (Connection c = TestDatabase.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM " + function + "(CAST(? AS jsonb), now())")) {
                s.setString(1, batch);
                try (java.sql.ResultSet rows = s.executeQuery()) {
                    rows.next();
                    return rows.getInt(1);
                }
            } finally {
                c.rollback();
            }
        }
    }

    /** The error's message without its detail (which names the failing row, with its own time). */
    private static String firstLine(SQLException e) {
        return e.getMessage().lines().findFirst().orElse("");
    }

    private static String request(int pos, WorkspaceId ws, String key, String debit, String credit, long amount) {
        return "{\"pos\": " + pos + ", \"id\": \"" + UUID.randomUUID() + "\", \"workspace\": \"" + ws + "\", \"key\": \"" + key
                + "\", \"kind\": \"POSTED\", \"debit\": \"" + debit + "\", \"credit\": \"" + credit
                + "\", \"amount\": " + amount + ", \"type\": \"DEBIT\"}";
    }

    /** The error the function raises for the batch, in a transaction rolled back afterwards. */
    private static SQLException refusal(String function, String batch) throws SQLException {
        try (Connection c = TestDatabase.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT * FROM " + function + "(CAST(? AS jsonb), now())")) {
                s.setString(1, batch);
                s.executeQuery().close();
            } catch (SQLException e) {
                return e;
            } finally {
                c.rollback();
            }
        }
        assertNotNull(null, function + " accepted " + batch);
        return null;
    }
}
