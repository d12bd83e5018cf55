package io.plinth.postgres.ledger;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.plinth.core.Check;
import io.plinth.core.ConflictException;
import io.plinth.core.Page;
import io.plinth.core.PageRequest;
import io.plinth.core.RetryableException;
import io.plinth.ledger.Account;
import io.plinth.ledger.AccountId;
import io.plinth.ledger.Entry;
import io.plinth.ledger.Ledger;
import io.plinth.ledger.LedgerReport;
import io.plinth.ledger.LedgerRepository;
import io.plinth.ledger.NewAccount;
import io.plinth.ledger.Resolution;
import io.plinth.ledger.Transfer;
import io.plinth.ledger.TransferId;
import io.plinth.ledger.TransferRequest;
import io.plinth.postgres.sql.Rows;
import io.plinth.postgres.sql.Savepoints;
import io.plinth.postgres.sql.SingleStatement;
import io.plinth.postgres.sql.SqlErrors;
import io.plinth.tenancy.WorkspaceId;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntPredicate;
import io.plinth.ledger.TransferOutcome;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import java.util.function.Supplier;
import io.plinth.postgres.PgSession;

/**
 * {@link LedgerRepository} on the {@code ledger_*} tables. A transfer is one call of the database
 * function {@code plinth_ledger_transfer}: it locks the accounts in id order, checks scope, units and
 * limits, and writes the transfer, the balances and the two entries. A batch is one call of
 * {@code plinth_ledger_transfer_batch}, which does the same for all of its transfers at once.
 */
public final class PgLedgerRepository implements LedgerRepository {
    /** The hot path: one call of the transfer function, run on the session's connection without JDBI. */
    static final String TRANSFER = "SELECT * FROM plinth_ledger_transfer(CAST(? AS jsonb), CAST(? AS timestamptz))";
    /** The same for a batch of more than one request. */
    static final String TRANSFER_BATCH =
            "SELECT * FROM plinth_ledger_transfer_batch(CAST(? AS jsonb), CAST(? AS timestamptz))";

    /** Independent batches: every request on its own, its outcome or its error's fields per row (V15). */
    static final String TRANSFER_EACH = "SELECT o.pos, o.err_state, o.err_message, o.err_detail, o.err_hint, "
            + "o.err_constraint, o.err_table, o.err_column, (o.outcome).* "
            + "FROM plinth_ledger_transfer_each(CAST(? AS jsonb), CAST(? AS timestamptz)) o ORDER BY o.pos";

    private static final JsonFactory JSON = new JsonFactory();

    private final PgSession session;
    private final Supplier<Instant> now;
    private LedgerDao dao;

    /** Binds the repository to the session of one unit of work; {@code now} is the store's clock. */
    public PgLedgerRepository(PgSession session, Supplier<Instant> now) {
        this.session = session;
        this.now = now;
    }

    /** The SQL object of every call but transfers, attached to the session's handle on first use. */
    private LedgerDao dao() {
        if (dao == null) {
            dao = session.handle().attach(LedgerDao.class);
        }
        return dao;
    }

    private static UUID id(WorkspaceId workspaceId) {
        return workspaceId == null ? null : workspaceId.value();
    }

    @Override
    public Account openAccount(NewAccount account) {
        Check.required("account", account);
        return open(Ledger.workspaceAccount(account));
    }

    @Override
    public Account openPlatformAccount(NewAccount account) {
        Check.required("account", account);
        return open(account);
    }

    private Account open(NewAccount account) {
        return dao().insertAccount(AccountId.generate().value(), id(account.workspaceId()), account.code(), account.unit(),
                account.mayGoNegative(), now.get());
    }

    @Override
    public Account findOrOpenAccount(NewAccount account) {
        Check.required("account", account);
        return findOrOpen(Ledger.workspaceAccount(account));
    }

    @Override
    public Account findOrOpenPlatformAccount(NewAccount account) {
        Check.required("account", account);
        return findOrOpen(account);
    }

    /**
     * Finds the account, else inserts it unless another transaction has (then PostgreSQL waits for
     * that one to end), else reads the account that transaction committed: at READ COMMITTED each
     * statement sees what committed before it began. A unit of work at a stricter isolation cannot
     * see it; PostgreSQL then fails the insert as a serialization failure, which is retried.
     */
    private Account findOrOpen(NewAccount account) {
        UUID owner = id(account.workspaceId());
        Account found = dao().findAccountByCode(owner, account.code(), account.unit())
                .or(() -> dao().insertAccountIfAbsent(AccountId.generate().value(), owner, account.code(), account.unit(),
                        account.mayGoNegative(), now.get()))
                .or(() -> dao().findAccountByCode(owner, account.code(), account.unit()))
                .orElseThrow(() -> new RetryableException("account " + account.code() + " in " + account.unit()
                        + " was opened by a transaction this one cannot see yet", null));
        if (found.mayGoNegative() != account.mayGoNegative()) {
            throw Ledger.differentAccount(found);
        }
        return found;
    }

    @Override
    public Account getAccount(WorkspaceId workspaceId, AccountId id) {
        Check.required("workspaceId", workspaceId);
        return get(workspaceId.value(), id);
    }

    @Override
    public Optional<Account> findAccount(WorkspaceId workspaceId, String code, String unit) {
        Check.required("workspaceId", workspaceId);
        return find(workspaceId.value(), code, unit);
    }

    @Override
    public Page<Account> listAccounts(WorkspaceId workspaceId, PageRequest page) {
        Check.required("workspaceId", workspaceId);
        return list(workspaceId.value(), page);
    }

    @Override
    public Account getSystemAccount(AccountId id) {
        return get(null, id);
    }

    @Override
    public Optional<Account> findSystemAccount(String code, String unit) {
        return find(null, code, unit);
    }

    @Override
    public Page<Account> listSystemAccounts(PageRequest page) {
        return list(null, page);
    }

    /** An account of the owner: a workspace, or the platform when {@code owner} is null. */
    private Account get(UUID owner, AccountId id) {
        Check.required("accountId", id);
        return Rows.found(dao().findAccount(owner, id.value()), "account", id);
    }

    private Optional<Account> find(UUID owner, String code, String unit) {
        Check.required("code", code);
        Check.required("unit", unit);
        return dao().findAccountByCode(owner, code, unit);
    }

    private Page<Account> list(UUID owner, PageRequest page) {
        Check.required("page", page);
        return Rows.page(page, (after, limit) -> dao().listAccounts(owner, after, limit), a -> a.id().value());
    }

    @Override
    public Page<Transfer> listTransfers(WorkspaceId workspaceId, PageRequest page) {
        Check.required("workspaceId", workspaceId);
        Check.required("page", page);
        return Rows.page(page, (after, limit) -> dao().listTransfers(workspaceId.value(), after, limit), t -> t.id().value());
    }

    @Override
    public long credits(WorkspaceId workspaceId) {
        Check.required("workspaceId", workspaceId);
        return findAccount(workspaceId, Ledger.CREDIT_ACCOUNT, Ledger.CREDITS).map(Account::balance).orElse(0L);
    }

    @Override
    @SingleStatement
    public Transfer transfer(TransferRequest request) {
        Check.required("request", request);
        return transferAll(List.of(request), false).get(0);
    }

    @Override
    @SingleStatement
    public List<Transfer> transferAll(List<TransferRequest> requests) {
        return transferAll(requests, false);
    }

    @Override
    @SingleStatement
    public List<TransferOutcome> transferEach(List<TransferRequest> requests) {
        return each(Ledger.batch(requests), position -> false);
    }

    /**
     * The most requests of an independent batch one transaction takes outside a unit of work: each
     * request runs in a subtransaction that writes, and PostgreSQL keeps at most 64 subtransaction
     * ids of a transaction in shared memory (PGPROC_MAX_CACHED_SUBXIDS). Past that the transaction's
     * cache overflows, and while it runs every other session's snapshot must look its rows up in
     * {@code pg_subtrans}: {@code bench ledger --mode each} made 0.68 of the baseline's transfers/s
     * with batches of 100 in one transaction, 1.14 with batches of 50.
     */
    static final int REQUESTS_PER_COMMIT = 64;

    /**
     * Executes the requests in order, each on its own (see {@link #transferEach}); {@code platform}
     * says which are the platform's (group commit carries both kinds together). Outside a unit of
     * work the requests go in parts of at most {@link #REQUESTS_PER_COMMIT}, one statement and one
     * commit each; inside one, in one statement. A failed request's outcome is the exception its lone
     * call would have raised: the function returns the error's fields, which become the same server
     * error {@link SqlErrors#map} maps for a lone call.
     */
    public List<TransferOutcome> each(List<TransferRequest> requests, IntPredicate platform) {
        try {
            int part = session.connection().getAutoCommit() ? REQUESTS_PER_COMMIT : requests.size();
            List<TransferOutcome> outcomes = new ArrayList<>(requests.size());
            for (int from = 0; from < requests.size(); from += part) {
                int first = from;
                List<TransferRequest> requestsOfPart = requests.subList(from, Math.min(requests.size(), from + part));
                eachInOneStatement(requestsOfPart, position -> platform.test(first + position), outcomes);
            }
            return outcomes;
        } catch (SQLException e) {
            throw SqlErrors.map(e);
        }
    }

    private void eachInOneStatement(List<TransferRequest> requests, IntPredicate platform,
                                    List<TransferOutcome> outcomes) throws SQLException {
        String batch = json(requests, platform);
        try (PreparedStatement statement = session.connection().prepareStatement(TRANSFER_EACH)) {
            statement.setString(1, batch);
            statement.setString(2, now.get().toString());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    outcomes.add(rows.getString("err_state") == null ? TransferOutcome.of(LedgerPlugin.transfer(rows))
                            : TransferOutcome.failed(SqlErrors.map(serverError(rows))));
                }
            }
        }
    }

    /** The error a request of an independent batch met, as the server would have reported it to a lone call. */
    private static PSQLException serverError(ResultSet row) throws SQLException {
        StringBuilder fields = new StringBuilder();
        field(fields, 'S', "ERROR");
        field(fields, 'V', "ERROR");
        field(fields, 'C', row.getString("err_state"));
        field(fields, 'M', row.getString("err_message"));
        field(fields, 'D', row.getString("err_detail"));
        field(fields, 'H', row.getString("err_hint"));
        field(fields, 'n', row.getString("err_constraint"));
        field(fields, 't', row.getString("err_table"));
        field(fields, 'c', row.getString("err_column"));
        return new PSQLException(new ServerErrorMessage(fields.toString()));
    }

    /** A field of the protocol's error message; PL/pgSQL reports an absent field as empty text. */
    private static void field(StringBuilder fields, char type, String value) {
        if (value != null && !value.isEmpty()) {
            fields.append(type).append(value).append('\0');
        }
    }

    @Override
    @SingleStatement
    public Transfer platformTransfer(TransferRequest request) {
        Check.required("request", request);
        return transferAll(List.of(request), true).get(0);
    }

    @Override
    @SingleStatement
    public List<Transfer> platformTransferAll(List<TransferRequest> requests) {
        return transferAll(requests, true);
    }

    /**
     * @param platform whether the requests are the platform's, which may debit system accounts; the
     *                 functions themselves refuse a system debit without it (migration V4)
     */
    private List<Transfer> transferAll(List<TransferRequest> requests, boolean platform) {
        String batch = json(Ledger.batch(requests), position -> platform);
        // The function itself refuses a key reused for another request (plinth_ledger_same), before
        // anything of the batch can commit: nothing is checked here, after the call.
        return execute(requests.size() == 1 ? TRANSFER : TRANSFER_BATCH, batch, now.get(), requests.size());
    }

    /**
     * Calls a transfer function with plain JDBC on the session's connection: JDBI's
     * per-statement work (SQL object dispatch, binder and mapper look-ups) would cost the client
     * more CPU than the database spends on the transfer. Failures propagate as
     * {@link SQLException}s (wrapped), which {@link io.plinth.postgres.sql.SqlErrors} maps.
     */
    private List<Transfer> execute(String sql, String batch, Instant at, int expected) {
        try (PreparedStatement statement = session.connection().prepareStatement(sql)) {
            statement.setString(1, batch);
            statement.setString(2, at.toString());
            List<Transfer> done = new ArrayList<>(expected);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    done.add(LedgerPlugin.transfer(rows));
                }
            }
            return done;
        } catch (SQLException e) {
            throw SqlErrors.map(e);
        }
    }

    /**
     * The requests as the transfer functions read them: a JSON array of objects of the type
     * {@code plinth_transfer_request}, each with its position and a new transfer id, and
     * {@code "platform": true} on a platform call's requests. Written with
     * Jackson's streaming generator, the cheapest way to JSON on the hot path.
     */
    private static String json(List<TransferRequest> requests, IntPredicate platform) {
        StringWriter out = new StringWriter(320 * requests.size());
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartArray();
            int position = 0;
            for (TransferRequest r : requests) {
                g.writeStartObject();
                g.writeNumberField("pos", position++);
                g.writeStringField("id", TransferId.generate().toString());
                g.writeStringField("workspace", r.workspaceId().toString());
                g.writeStringField("key", r.idempotencyKey());
                g.writeStringField("kind", r.pending() ? "PENDING" : "POSTED");
                g.writeStringField("debit", r.debitAccountId().toString());
                g.writeStringField("credit", r.creditAccountId().toString());
                g.writeNumberField("amount", r.amount());
                g.writeStringField("type", r.type().name());
                g.writeStringField("description", r.description());
                g.writeStringField("expiresAt", r.expiresAt() == null ? null : r.expiresAt().toString());
                if (platform.test(position - 1)) {
                    g.writeBooleanField("platform", true);
                }
                if (r.metadata() != null) {
                    g.writeFieldName("metadata");
                    g.writeRawValue(r.metadata().toString());
                }
                if (r.tribute() != null) {
                    g.writeStringField("instrumentId", r.tribute().instrumentId());
                    g.writeNumberField("luckWeight", r.tribute().luckWeight());
                    g.writeStringField("outcome", r.tribute().outcome());
                    g.writeNumberField("boonAmount", r.tribute().boonAmount());
                    g.writeNumberField("judasFactor", r.tribute().judasFactor());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static ConflictException reused(String key, Transfer earlier) {
        return new ConflictException("idempotency key " + key + " was already used for a different transfer " + earlier.id());
    }

    @Override
    @SingleStatement
    public Transfer resolve(Resolution r) {
        Check.required("resolution", r);
        UUID id = TransferId.generate().value();
        Transfer done = dao().resolve(id, r.workspaceId().value(), r.idempotencyKey(), r.pendingId().value(), r.post(),
                r.amount(), now.get());
        if (!done.id().value().equals(id) && !r.isFulfilledBy(done)) {
            throw reused(r.idempotencyKey(), done);
        }
        return done;
    }

    @Override
    public int expirePending() {
        Instant at = now.get();
        int voided = 0;
        for (Transfer pending : dao().expiredPending(at)) {
            if (voidExpired(pending, at)) {
                voided++;
            }
        }
        return voided;
    }

    /**
     * Voids one expired pending transfer under a savepoint of its own. A transfer resolved since the
     * sweep found it — voided by its owner, or by another sweep — is skipped, not an error: the
     * sweep goes on with the rest. Returns whether this sweep voided it.
     */
    private boolean voidExpired(Transfer pending, Instant at) {
        UUID id = TransferId.generate().value();
        try {
            Transfer done = Savepoints.run(session.connection(), () -> dao().resolve(id, pending.workspaceId().value(),
                    Ledger.expiryKey(pending.id()), pending.id().value(), false, null, at));
            return done.id().value().equals(id);
        } catch (Exception e) {
            RuntimeException mapped = SqlErrors.map(e);
            if (mapped instanceof ConflictException && dao().isResolved(pending.id().value())) {
                return false;
            }
            throw mapped;
        }
    }

    @Override
    public Transfer getTransfer(WorkspaceId workspaceId, TransferId id) {
        Check.required("workspaceId", workspaceId);
        Check.required("transferId", id);
        return Rows.found(dao().findTransfer(workspaceId.value(), id.value()), "transfer", id);
    }

    @Override
    public Optional<Transfer> findByKey(WorkspaceId workspaceId, String idempotencyKey) {
        Check.required("workspaceId", workspaceId);
        Check.required("idempotencyKey", idempotencyKey);
        return dao().findByKey(workspaceId.value(), idempotencyKey);
    }

    @Override
    public Page<Entry> history(WorkspaceId workspaceId, AccountId accountId, PageRequest page) {
        Check.required("page", page);
        Account account = getAccount(workspaceId, accountId);
        long after = page.afterSequence();
        return Page.ofSequence(dao().history(account.id().value(), after, page.limit() + 1), page.limit(), Entry::sequence);
    }

    @Override
    public long balanceAt(WorkspaceId workspaceId, AccountId accountId, Instant at) {
        Check.required("at", at);
        return dao().balanceAt(getAccount(workspaceId, accountId).id().value(), at);
    }

    @Override
    public LedgerReport verify() {
        return new LedgerReport(dao().countAccounts(), dao().countTransfers(), dao().countEntries(), dao().problems());
    }
}
