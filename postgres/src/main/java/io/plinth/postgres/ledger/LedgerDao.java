package io.plinth.postgres.ledger;

import io.plinth.ledger.Account;
import io.plinth.ledger.Entry;
import io.plinth.ledger.Transfer;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * SQL of {@link PgLedgerRepository}. Transfers run in the database functions of the ledger migrations
 * ({@code plinth_ledger_transfer}, {@code plinth_ledger_resolve}): one round trip each, however
 * many transfers a batch holds. The transfer call itself, the hot path, is plain JDBC in
 * {@link PgLedgerRepository}.
 */
interface LedgerDao {
    String ACCOUNT = "id, workspace_id, code, unit, may_go_negative, balance, reserved, created_at";
    /** Workspace scope: {@code IS NOT DISTINCT FROM} makes a null workspace mean the system accounts. */
    String SCOPE = " workspace_id IS NOT DISTINCT FROM CAST(:workspaceId AS uuid) ";

    @SqlQuery("INSERT INTO ledger_accounts (id, workspace_id, code, unit, may_go_negative, created_at) "
            + "VALUES (:id, :workspaceId, :code, :unit, :mayGoNegative, :now) RETURNING " + ACCOUNT)
    Account insertAccount(@Bind("id") UUID id, @Bind("workspaceId") UUID workspaceId, @Bind("code") String code,
                          @Bind("unit") String unit, @Bind("mayGoNegative") boolean mayGoNegative, @Bind("now") Instant now);

    /** Opens the account unless its owner has one of that code and unit (committed, or being inserted: then it waits). */
    @SqlQuery("INSERT INTO ledger_accounts (id, workspace_id, code, unit, may_go_negative, created_at) "
            + "VALUES (:id, :workspaceId, :code, :unit, :mayGoNegative, :now) "
            + "ON CONFLICT ON CONSTRAINT ledger_accounts_owner_code_unit_key DO NOTHING RETURNING " + ACCOUNT)
    Optional<Account> insertAccountIfAbsent(@Bind("id") UUID id, @Bind("workspaceId") UUID workspaceId,
                                            @Bind("code") String code, @Bind("unit") String unit,
                                            @Bind("mayGoNegative") boolean mayGoNegative, @Bind("now") Instant now);

    @SqlQuery("SELECT " + ACCOUNT + " FROM ledger_accounts WHERE id = :id AND" + SCOPE)
    Optional<Account> findAccount(@Bind("workspaceId") UUID workspaceId, @Bind("id") UUID id);

    @SqlQuery("SELECT " + ACCOUNT + " FROM ledger_accounts WHERE" + SCOPE + "AND code = :code AND unit = :unit")
    Optional<Account> findAccountByCode(@Bind("workspaceId") UUID workspaceId, @Bind("code") String code,
                                        @Bind("unit") String unit);

    @SqlQuery("SELECT " + ACCOUNT + " FROM ledger_accounts WHERE" + SCOPE + "AND id > :after ORDER BY id LIMIT <limit>")
    List<Account> listAccounts(@Bind("workspaceId") UUID workspaceId, @Bind("after") UUID after, @Define("limit") int limit);

    @SqlQuery("SELECT * FROM plinth_ledger_resolve(:id, :workspaceId, :key, :pendingId, :post, :amount, :now)")
    Transfer resolve(@Bind("id") UUID id, @Bind("workspaceId") UUID workspaceId, @Bind("key") String key,
                     @Bind("pendingId") UUID pendingId, @Bind("post") boolean post, @Bind("amount") Long amount,
                     @Bind("now") Instant now);

    @SqlQuery("SELECT p.* FROM ledger_transfers p WHERE p.kind = 'PENDING' AND p.expires_at <= :now "
            + "AND NOT EXISTS (SELECT 1 FROM ledger_transfers r WHERE r.pending_id = p.id) ORDER BY p.id")
    List<Transfer> expiredPending(@Bind("now") Instant now);

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM ledger_transfers WHERE pending_id = :pendingId)")
    boolean isResolved(@Bind("pendingId") UUID pendingId);

    @SqlQuery("SELECT * FROM ledger_transfers WHERE workspace_id = :workspaceId AND id = :id")
    Optional<Transfer> findTransfer(@Bind("workspaceId") UUID workspaceId, @Bind("id") UUID id);

    @SqlQuery("SELECT * FROM ledger_transfers WHERE workspace_id = :workspaceId AND idempotency_key = :key")
    Optional<Transfer> findByKey(@Bind("workspaceId") UUID workspaceId, @Bind("key") String key);

    @SqlQuery("SELECT * FROM ledger_transfers WHERE workspace_id = :workspaceId AND id > :after ORDER BY id LIMIT <limit>")
    List<Transfer> listTransfers(@Bind("workspaceId") UUID workspaceId, @Bind("after") UUID after, @Define("limit") int limit);

    @SqlQuery("SELECT * FROM ledger_entries WHERE account_id = :accountId AND sequence > :after ORDER BY sequence LIMIT <limit>")
    List<Entry> history(@Bind("accountId") UUID accountId, @Bind("after") long after, @Define("limit") int limit);

    @SqlQuery("SELECT coalesce(sum(amount), 0) FROM ledger_entries WHERE account_id = :accountId AND created_at <= :at")
    long balanceAt(@Bind("accountId") UUID accountId, @Bind("at") Instant at);

    @SqlQuery("SELECT count(*) FROM ledger_accounts")
    long countAccounts();

    @SqlQuery("SELECT count(*) FROM ledger_transfers")
    long countTransfers();

    @SqlQuery("SELECT count(*) FROM ledger_entries")
    long countEntries();

    /**
     * Every broken invariant of the ledger, one line each: transfers that do not balance, balances
     * that differ from their entries, running balances that do not add up, reservations that do not
     * match the live pending transfers, accounts below their limit.
     */
    @SqlQuery("""
            SELECT 'transfer ' || t.id || ' does not balance: ' || count(e.amount) || ' entries summing to ' || coalesce(sum(e.amount), 0)
              FROM ledger_transfers t LEFT JOIN ledger_entries e ON e.transfer_id = t.id
             WHERE t.kind IN ('POSTED', 'POST_PENDING')
             GROUP BY t.id, t.amount
            HAVING count(e.amount) <> 2 OR coalesce(sum(e.amount), 0) <> 0 OR bool_or(abs(e.amount) <> t.amount)
            UNION ALL
            SELECT t.kind || ' transfer ' || t.id || ' has entries'
              FROM ledger_transfers t JOIN ledger_entries e ON e.transfer_id = t.id
             WHERE t.kind IN ('PENDING', 'VOID_PENDING')
            UNION ALL
            SELECT 'account ' || a.id || ' has balance ' || a.balance || ' but its entries sum to ' || coalesce(s.total, 0)
              FROM ledger_accounts a LEFT JOIN (SELECT account_id, sum(amount) AS total, count(*) AS n
                                                  FROM ledger_entries GROUP BY account_id) s ON s.account_id = a.id
             WHERE a.balance <> coalesce(s.total, 0) OR a.last_sequence <> coalesce(s.n, 0)
            UNION ALL
            SELECT 'entry ' || e.sequence || ' of account ' || e.account_id || ' breaks the running balance'
              FROM (SELECT account_id, sequence, balance_after,
                           sum(amount) OVER (PARTITION BY account_id ORDER BY sequence) AS running
                      FROM ledger_entries) e
             WHERE e.balance_after <> e.running
            UNION ALL
            SELECT 'account ' || a.id || ' reserves ' || a.reserved || ' but its live pending transfers hold ' || coalesce(p.held, 0)
              FROM ledger_accounts a LEFT JOIN (
                   SELECT t.debit_account_id AS account_id, sum(t.amount) AS held FROM ledger_transfers t
                    WHERE t.kind = 'PENDING' AND NOT EXISTS (SELECT 1 FROM ledger_transfers r WHERE r.pending_id = t.id)
                    GROUP BY t.debit_account_id) p ON p.account_id = a.id
             WHERE a.reserved <> coalesce(p.held, 0)
            UNION ALL
            SELECT 'account ' || a.id || ' may not go negative but has ' || (a.balance - a.reserved) || ' available'
              FROM ledger_accounts a WHERE NOT a.may_go_negative AND a.balance < a.reserved
            """)
    List<String> problems();
}
