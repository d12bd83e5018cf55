package io.plinth.cli.bench;

import io.plinth.memory.MemoryUnit;
import io.plinth.postgres.PostgresStore;
import io.plinth.tenancy.NewUser;
import io.plinth.tenancy.UserId;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code plinth bench crud}: the calls every declared model has, through a {@code PostgresStore}'s
 * auto-commit repositories ({@code store.memoryUnits()}, {@code store.interactions()}) and through
 * {@linkplain BaselineCrud hand-written JDBC} on the same tables of the same database, operation by
 * operation, each in alternating rounds timed by the same {@link Phase} runner. Each client has a
 * user of its own, seeded with {@value #UNITS_PER_USER} memory units. Afterwards the rows are
 * counted against the calls both sides made. Every operation's comparison ends with the line
 *
 * <pre>&lt;operation&gt; ops/s=&lt;plinth&gt; baseline ops/s=&lt;baseline&gt; ratio=&lt;plinth/baseline&gt;</pre>
 *
 * <p>and the run ends with these lines again, one per operation, after the check.
 */
public final class CrudBench {
    /** Memory units each client's user starts with. */
    static final int UNITS_PER_USER = 1000;
    /** Items per page of the keyset listing. */
    static final int PAGE = 50;
    /** Interaction logs per append. */
    static final int BATCH = 1000;

    /** The operations compared, in the order they run. */
    public enum Operation {
        /** {@code get(userId, id)}: one memory unit by id, scoped by user. */
        GET("get"),
        /** {@code create(NewMemoryUnit)}. */
        CREATE("create"),
        /** {@code update(row)}: the optimistic update, by id, user and version. */
        UPDATE("update"),
        /** {@code list(userId, page)}: a keyset page of {@value CrudBench#PAGE} after a random unit. */
        PAGE("page"),
        /** {@code appendAll} of {@value CrudBench#BATCH} interaction logs. */
        APPEND_ALL("appendAll");

        private final String spelling;

        Operation(String spelling) {
            this.spelling = spelling;
        }

        /** The name the output uses. */
        public String spelling() {
            return spelling;
        }
    }

    /**
     * What both sides share: per client, its user, the ids of its seeded units in id order, and the
     * seeded units as last saved (so an update carries the current version, whichever side saved
     * it last); and what both sides did, counted for the check. Client {@code i} of any round touches
     * only entry {@code i}, and rounds never overlap.
     */
    static final class Data {
        final UserId[] users;
        final UUID[][] ids;
        final MemoryUnit[][] units;
        final LongAdder created = new LongAdder();
        final LongAdder updated = new LongAdder();
        final LongAdder appended = new LongAdder();

        Data(int clients) {
            users = new UserId[clients];
            ids = new UUID[clients][];
            units = new MemoryUnit[clients][];
        }
    }

    private final BenchRun bench;
    private final List<Operation> operations;

    /** @param operations the operations to compare, in this order */
    public CrudBench(BenchSettings settings, List<Operation> operations, PrintWriter out) {
        if (operations.isEmpty()) {
            throw new IllegalArgumentException("no operation to compare");
        }
        this.bench = new BenchRun(settings, out);
        this.operations = List.copyOf(operations);
    }

    /** What a run measured, per operation, and whether the rows tally with the calls. */
    public record Outcome(List<Result> results, boolean checked) {
    }

    /** One operation's comparison. */
    public record Result(Operation operation, Phase.Result plinth, Phase.Result baseline) {
        /** Plinth's calls per second over the baseline's. */
        public double ratio() {
            return new BenchRun.Comparison(plinth, baseline).ratio();
        }

        /** The line the operation's comparison ends with. */
        public String summary() {
            return new BenchRun.Comparison(plinth, baseline).summary(operation.spelling() + " ", "ops");
        }
    }

    /** Sets both sides up, compares each operation, checks the rows. */
    public Outcome run() throws Exception {
        BenchSettings settings = bench.settings();
        String run = UUID.randomUUID().toString().substring(0, 8);
        Data data = new Data(settings.clients());
        bench.announce("CRUD bench " + run, operations.size(), "operation");
        try (PostgresStore store = bench.openStore();
             BaselineCrud baseline = new BaselineCrud(bench.openBaselinePool(true), data)) {
            bench.say("CRUD bench %s on PostgreSQL %s: %d clients, %s; %d s measured per side and operation, %s, each after %d s warm-up",
                    run, BenchRun.serverVersion(store.dataSource()), settings.clients(),
                    String.join(", ", operations.stream().map(Operation::spelling).toList()),
                    settings.duration().toSeconds(), bench.order(), settings.warmup().toSeconds());
            long started = System.nanoTime();
            for (int i = 0; i < settings.clients(); i++) {
                data.users[i] = store.users().create(NewUser.of("bench-crud-" + run + "-" + i + "@bench.plinth.invalid",
                        "CRUD bench " + run + " client " + i)).id();
            }
            baseline.seed(UNITS_PER_USER);
            bench.say("made %d users with %d memory units each in %d ms", settings.clients(), UNITS_PER_USER,
                    (System.nanoTime() - started) / 1_000_000);

            PlinthCrud plinth = new PlinthCrud(store, data);
            List<Result> results = new ArrayList<>();
            for (Operation operation : operations) {
                BenchRun.Comparison compared = bench.compare(operation.spelling() + " ", "ops",
                        index -> baseline.client(operation, index), index -> plinth.client(operation, index));
                Result result = new Result(operation, compared.plinth(), compared.baseline());
                results.add(result);
                bench.say("%s", result.summary());
            }
            boolean checked = check(baseline, data);
            for (Result result : results) {
                bench.say("%s", result.summary());
            }
            return new Outcome(List.copyOf(results), checked);
        }
    }

    /** The run's rows against the calls both sides made (warm-ups included). */
    private boolean check(BaselineCrud baseline, Data data) throws SQLException {
        long units = (long) UNITS_PER_USER * data.users.length + data.created.sum();
        long versions = data.updated.sum();
        long logs = (long) BATCH * data.appended.sum();
        BaselineCrud.Tally tally = baseline.tally();
        boolean ok = tally.units() == units && tally.versions() == versions && tally.logs() == logs;
        if (ok) {
            bench.say("checked: %,d memory units, %,d updates, %,d interaction logs, as both sides' calls made them",
                    units, versions, logs);
        } else {
            bench.say("WARNING: the run's rows do not tally with the calls made: %,d memory units (expected %,d), "
                    + "versions summing to %,d (expected %,d), %,d interaction logs (expected %,d)",
                    tally.units(), units, tally.versions(), versions, tally.logs(), logs);
        }
        return ok;
    }
}
