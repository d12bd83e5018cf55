package io.plinth.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.plinth.core.InsufficientFundsException;
import io.plinth.core.PageRequest;
import io.plinth.core.Pages;
import io.plinth.core.RetryPolicy;
import io.plinth.core.RetryableException;
import io.plinth.ledger.Account;
import io.plinth.ledger.Ledger;
import io.plinth.ledger.LedgerReport;
import io.plinth.ledger.NewAccount;
import io.plinth.ledger.Transfer;
import io.plinth.ledger.TransferRequest;
import io.plinth.ledger.TransferType;
import io.plinth.migrations.Migrations;
import io.plinth.tenancy.Workspace;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bank test in the manner of Jepsen's: eight clients make random transfers with idempotency keys
 * (every fifth call an atomic batch of 2 to 5) and retry what fails transiently, while a chaos
 * thread kills random backend connections ({@code pg_terminate_backend}) and, once, stops and
 * restarts the PostgreSQL server mid-run. Afterwards money is conserved, every transfer a client was
 * told succeeded exists exactly once, none exists that no client asked for, a call whose outcome the
 * client never learnt was kept whole or not at all, and the ledger verifies.
 *
 * <p>The test needs to stop and start its server, so it always runs its own embedded PostgreSQL
 * (with a data directory that survives the restart), also when {@code PLINTH_TEST_JDBC_URL} is set.
 */
class LedgerBankChaosTest {
    private static final Logger LOG = LoggerFactory.getLogger(LedgerBankChaosTest.class);
    private static final int CLIENTS = 8;
    private static final int ACCOUNTS = 10;
    private static final long START = 10_000;
    private static final Duration RUN = Duration.ofSeconds(20);

    private Path dataDirectory;
    private int port;
    private volatile EmbeddedPostgres server;
    private HikariDataSource pool;
    private PostgresStore store;

    @BeforeEach
    void startServer() throws IOException {
        dataDirectory = Files.createTempDirectory("plinth-chaos-");
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        server = start();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server.getJdbcUrl("postgres", "postgres"));
        config.setMaximumPoolSize(CLIENTS + 2);
        config.setConnectionTimeout(1_000);
        config.setInitializationFailTimeout(-1);
        pool = new HikariDataSource(config);
        Migrations.apply(pool);
        store = PostgresStore.builder().dataSource(pool).migrate(false)
                .retryPolicy(new RetryPolicy(200, Duration.ofMillis(10), Duration.ofMillis(250)))
                .build();
    }

    private EmbeddedPostgres start() throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false).setPort(port).start();
    }

    @AfterEach
    void stopServer() throws IOException {
        store.close();
        pool.close();
        server.close();
        try (var files = Files.walk(dataDirectory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void moneyIsConservedAndEveryAcknowledgedTransferExistsExactlyOnce() throws Exception {
        Workspace bank = TestDatabase.newWorkspace(store, "Bank");
        Account mint = store.ledger().openPlatformAccount(NewAccount.system("mint", Ledger.CREDITS));
        List<Account> accounts = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            Account account = store.ledger().openAccount(new NewAccount(bank.id(), "acct-" + i, Ledger.CREDITS, false));
            store.ledger().platformTransfer(TransferRequest.builder().workspaceId(bank.id()).idempotencyKey("open-" + i)
                    .debitAccountId(mint.id()).creditAccountId(account.id())
                    .amount(START).type(TransferType.CREDIT).description("opening balance").build());
            accounts.add(account);
        }

        Map<String, Transfer> acknowledged = new ConcurrentHashMap<>();
        Set<List<String>> indeterminate = ConcurrentHashMap.newKeySet();   // the keys of calls whose outcome is unknown
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger batches = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService threads = Executors.newFixedThreadPool(CLIENTS + 1);
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            clients.add(threads.submit(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                for (int n = 0; running.get(); n++) {
                    // Every fifth call is an atomic batch of 2 to 5 transfers.
                    List<TransferRequest> requests = new ArrayList<>();
                    for (int i = 0, size = n % 5 == 4 ? 2 + random.nextInt(4) : 1; i < size; i++) {
                        int from = random.nextInt(ACCOUNTS);
                        int to = (from + 1 + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
                        requests.add(TransferRequest.builder().workspaceId(bank.id()).idempotencyKey("c" + client + "-" + n + "-" + i)
                                .debitAccountId(accounts.get(from).id()).creditAccountId(accounts.get(to).id())
                                .amount(1 + random.nextInt(500)).type(TransferType.DEBIT).build());
                    }
                    List<String> keys = requests.stream().map(TransferRequest::idempotencyKey).toList();
                    try {
                        List<Transfer> done = requests.size() == 1 ? List.of(store.ledger().transfer(requests.get(0)))
                                : store.ledger().transferAll(requests);
                        for (int i = 0; i < keys.size(); i++) {
                            acknowledged.put(keys.get(i), done.get(i));
                        }
                        if (keys.size() > 1) {
                            batches.incrementAndGet();
                        }
                    } catch (InsufficientFundsException e) {
                        refused.incrementAndGet();
                    } catch (RetryableException e) {
                        indeterminate.add(keys);
                    }
                }
                return null;
            }));
        }
        Future<Integer> chaos = threads.submit(() -> chaos(running));
        Thread.sleep(RUN.toMillis());
        running.set(false);
        for (Future<?> client : clients) {
            client.get(60, TimeUnit.SECONDS);
        }
        int killed = chaos.get(60, TimeUnit.SECONDS);
        threads.shutdown();
        LOG.info("{} transfers acknowledged ({} batches), {} calls refused, {} indeterminate, {} connections killed, 1 restart",
                acknowledged.size(), batches.get(), refused.get(), indeterminate.size(), killed);

        assertTrue(killed > 0, "the chaos thread killed connections");
        assertTrue(acknowledged.size() > 100, "clients made progress through the chaos: " + acknowledged.size());
        assertTrue(batches.get() > 10, "batches made progress through the chaos: " + batches.get());
        long total = 0;
        for (Account account : accounts) {
            Account now = store.ledger().getAccount(bank.id(), account.id());
            assertTrue(now.available() >= 0, "no account below its limit: " + now);
            total += now.balance();
        }
        assertEquals(ACCOUNTS * START, total, "the sum of all balances is unchanged");
        assertEquals(-ACCOUNTS * START, store.ledger().getSystemAccount(mint.id()).balance());

        Set<String> stored = new HashSet<>();
        Pages.stream(request -> store.ledger().listTransfers(bank.id(), request), PageRequest.first(PageRequest.MAX_LIMIT))
                .forEach(transfer -> assertTrue(stored.add(transfer.idempotencyKey()),
                        "no transfer exists twice: " + transfer.idempotencyKey()));
        for (Map.Entry<String, Transfer> ack : acknowledged.entrySet()) {
            assertTrue(stored.contains(ack.getKey()), "an acknowledged transfer exists: " + ack.getKey());
            assertEquals(ack.getValue(), store.ledger().findByKey(bank.id(), ack.getKey()).orElseThrow());
        }
        Set<String> maybe = new HashSet<>();
        for (List<String> keys : indeterminate) {
            long kept = keys.stream().filter(stored::contains).count();
            assertTrue(kept == 0 || kept == keys.size(), "a call of unknown outcome was kept whole or not at all: " + keys);
            maybe.addAll(keys);
        }
        for (String key : stored) {
            assertTrue(key.startsWith("open-") || acknowledged.containsKey(key) || maybe.contains(key),
                    "every stored transfer was asked for: " + key);
        }
        LedgerReport report = store.ledger().verify();
        assertTrue(report.ok(), report.problems().toString());
    }

    /** Kills random client connections every few hundred milliseconds; stops and restarts the server once. */
    private int chaos(AtomicBoolean running) throws Exception {
        int killed = 0;
        boolean restarted = false;
        long startedAt = System.nanoTime();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (running.get()) {
            Thread.sleep(150 + random.nextInt(250));
            if (!restarted && System.nanoTime() - startedAt > RUN.toNanos() * 2 / 5) {
                LOG.info("stopping the PostgreSQL server");
                server.close();
                Thread.sleep(1_000);
                server = start();
                LOG.info("PostgreSQL server restarted");
                restarted = true;
                continue;
            }
            killed += terminateRandomBackends(1 + random.nextInt(2));
        }
        return killed;
    }

    private int terminateRandomBackends(int count) {
        String url = "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres";
        try (Connection admin = DriverManager.getConnection(url); Statement s = admin.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(pg_terminate_backend(pid)) FROM (SELECT pid FROM pg_stat_activity "
                     + "WHERE backend_type = 'client backend' AND pid <> pg_backend_pid() ORDER BY random() LIMIT " + count + ") v")) {
            return rs.next() ? rs.getInt(1) : 0;
        } catch (SQLException e) {
            return 0;
        }
    }
}
