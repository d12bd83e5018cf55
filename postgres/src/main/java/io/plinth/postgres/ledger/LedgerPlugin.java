package io.plinth.postgres.ledger;

import io.plinth.ledger.Account;
import io.plinth.ledger.AccountId;
import io.plinth.ledger.Entry;
import io.plinth.ledger.Transfer;
import io.plinth.ledger.TransferId;
import io.plinth.ledger.TransferKind;
import io.plinth.ledger.TransferType;
import io.plinth.ledger.Tribute;
import io.plinth.postgres.sql.Columns;
import io.plinth.tenancy.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.spi.JdbiPlugin;
import org.jdbi.v3.core.statement.StatementContext;

/** Registers the row mappers of the ledger context. */
public final class LedgerPlugin implements JdbiPlugin {
    @Override
    public void customizeJdbi(Jdbi jdbi) {
        jdbi.registerRowMapper(Account.class, LedgerPlugin::account);
        jdbi.registerRowMapper(Transfer.class, (rs, ctx) -> transfer(rs));
        jdbi.registerRowMapper(Entry.class, LedgerPlugin::entry);
    }

    private static Account account(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Account(Columns.id(rs, "id", AccountId::new), Columns.id(rs, "workspace_id", WorkspaceId::new),
                rs.getString("code"), rs.getString("unit"), rs.getBoolean("may_go_negative"), rs.getLong("balance"),
                rs.getLong("reserved"), Columns.instant(rs, "created_at"));
    }

    /** The transfer in the current row of a {@code ledger_transfers} result. */
    static Transfer transfer(ResultSet rs) throws SQLException {
        String instrument = rs.getString("instrument_id");
        long boon = rs.getLong("boon_amount");
        Tribute tribute = instrument == null ? null
                : new Tribute(instrument, rs.getBigDecimal("luck_weight"), rs.getString("outcome"), boon, rs.getBigDecimal("judas_factor"));
        return new Transfer(Columns.id(rs, "id", TransferId::new), Columns.id(rs, "workspace_id", WorkspaceId::new),
                rs.getString("idempotency_key"), TransferKind.valueOf(rs.getString("kind")),
                Columns.id(rs, "debit_account_id", AccountId::new), Columns.id(rs, "credit_account_id", AccountId::new),
                rs.getLong("amount"), rs.getString("unit"), TransferType.valueOf(rs.getString("type")),
                rs.getString("description"), Columns.json(rs, "metadata"), tribute,
                Columns.id(rs, "pending_id", TransferId::new), Columns.instant(rs, "expires_at"),
                Columns.instant(rs, "created_at"));
    }

    private static Entry entry(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Entry(Columns.id(rs, "account_id", AccountId::new), rs.getLong("sequence"),
                Columns.id(rs, "transfer_id", TransferId::new), rs.getLong("amount"), rs.getLong("balance_after"),
                Columns.instant(rs, "created_at"));
    }
}
