package io.plinth.cli.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The baseline: the minimal hand-written JDBC double-entry transfer, on tables of its own
 * ({@code plinth_bench_accounts}, {@code plinth_bench_entries}, made afresh on every run) and a
 * HikariCP pool of its own with auto-commit off. One transfer is one transaction:
 * <ol>
 *   <li>{@code SELECT … FOR UPDATE} both accounts, in id order, so concurrent transfers never deadlock;</li>
 *   <li>{@code UPDATE} the debit balance, {@code UPDATE} the credit balance;</li>
 *   <li>{@code INSERT} both entries in one statement;</li>
 *   <li>{@code COMMIT}.</li>
 * </ol>
 * It checks nothing else (no idempotency key, no limit, no unit, no tenant), which is what makes it
 * the floor Plinth is measured against. Each client thread keeps one connection and its four
 * prepared statements for the whole phase.
 */
public final class BaselineTransfers implements AutoCloseable {
    static final String LOCK = "SELECT id FROM plinth_bench_accounts WHERE id IN (?, ?) ORDER BY id FOR UPDATE";
    static final String DEBIT = "UPDATE plinth_bench_accounts SET balance = balance - ? WHERE id = ?";
    static final String CREDIT = "UPDATE plinth_bench_accounts SET balance = balance + ? WHERE id = ?";
    static final String ENTRIES = "INSERT INTO plinth_bench_entries (account_id, amount) VALUES (?, ?), (?, ?)";

    private final HikariDataSource pool;
    private final int accounts;

    private BaselineTransfers(HikariDataSource pool, int accounts) {
        this.pool = pool;
        this.accounts = accounts;
    }

    /**
     * (Re)creates the baseline's tables with {@code accounts} accounts holding {@code startingBalance}
     * each, and keeps {@code pool} (auto-commit off, one connection per client), closing it when closed.
     */
    static BaselineTransfers setUp(HikariDataSource pool, int accounts, long startingBalance) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS plinth_bench_entries, plinth_bench_accounts");
            s.execute("CREATE TABLE plinth_bench_accounts (id bigint PRIMARY KEY, balance bigint NOT NULL)");
            s.execute("CREATE TABLE plinth_bench_entries (id bigserial PRIMARY KEY, account_id bigint NOT NULL, "
                    + "amount bigint NOT NULL, created_at timestamptz NOT NULL DEFAULT now())");
            try (PreparedStatement fill = c.prepareStatement(
                    "INSERT INTO plinth_bench_accounts (id, balance) SELECT g, ? FROM generate_series(1, ?) g")) {
                fill.setLong(1, startingBalance);
                fill.setInt(2, accounts);
                fill.executeUpdate();
            }
            c.commit();
            s.execute("ANALYZE plinth_bench_accounts");
            c.commit();
        } catch (SQLException | RuntimeException e) {
            pool.close();
            throw e;
        }
        return new BaselineTransfers(pool, accounts);
    }

    /** A client for one thread: its own connection and prepared statements. */
    public Phase.Client client(int index) throws SQLException {
        return new Client(pool.getConnection(), accounts);
    }

    /** The sum of all baseline balances (unchanged by any number of transfers). */
    public long totalBalance() throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT coalesce(sum(balance), 0) FROM plinth_bench_accounts")) {
            rs.next();
            long total = rs.getLong(1);
            c.commit();
            return total;
        }
    }

    @Override
    public void close() {
        pool.close();
    }

    private static final class Client implements Phase.Client {
        private final Connection connection;
        private final int accounts;
        private final PreparedStatement lock;
        private final PreparedStatement debit;
        private final PreparedStatement credit;
        private final PreparedStatement entries;

        Client(Connection connection, int accounts) throws SQLException {
            this.connection = connection;
            this.accounts = accounts;
            this.lock = connection.prepareStatement(LOCK);
            this.debit = connection.prepareStatement(DEBIT);
            this.credit = connection.prepareStatement(CREDIT);
            this.entries = connection.prepareStatement(ENTRIES);
        }

        @Override
        public int call() throws SQLException {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            long from = 1 + random.nextInt(accounts);
            long to = 1 + random.nextInt(accounts - 1);
            if (to >= from) {
                to++;
            }
            long amount = 1 + random.nextInt(100);
            while (true) {
                try {
                    transfer(from, to, amount);
                    return 1;
                } catch (SQLException e) {
                    connection.rollback();
                    if (!retryable(e)) {
                        throw e;
                    }
                }
            }
        }

        private void transfer(long from, long to, long amount) throws SQLException {
            lock.setLong(1, from);
            lock.setLong(2, to);
            try (ResultSet rs = lock.executeQuery()) {
                while (rs.next()) {
                    // the rows are locked; their ids are all the statement returns
                }
            }
            debit.setLong(1, amount);
            debit.setLong(2, from);
            debit.executeUpdate();
            credit.setLong(1, amount);
            credit.setLong(2, to);
            credit.executeUpdate();
            entries.setLong(1, from);
            entries.setLong(2, -amount);
            entries.setLong(3, to);
            entries.setLong(4, amount);
            entries.executeUpdate();
            connection.commit();
        }

        /** Serialization failure or deadlock: the transaction may simply be run again. */
        private static boolean retryable(SQLException e) {
            return "40001".equals(e.getSQLState()) || "40P01".equals(e.getSQLState());
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }
}
