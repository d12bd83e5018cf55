package io.plinth.cli;

import io.plinth.cli.DemoScenario.Expired;
import io.plinth.cli.DemoScenario.Handled;
import io.plinth.cli.DemoScenario.Member;
import io.plinth.cli.DemoScenario.Outcome;
import io.plinth.migrations.MigrationResult;
import io.plinth.migrations.Migrations;
import io.plinth.postgres.EmbeddedDatabase;
import io.plinth.postgres.PostgresStore;
import io.plinth.tenancy.PlanTier;
import io.plinth.tenancy.Project;
import io.plinth.tenancy.User;
import io.plinth.tenancy.UserSession;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import javax.sql.DataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code plinth demo}: a tour of the tenancy model and the memory companion on a real PostgreSQL. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Starts an embedded PostgreSQL (or uses --jdbc-url), applies the migrations, writes a "
                + "workspace with members, projects and sessions in units of work, provokes three errors, "
                + "runs the workspace's ledger (it buys credits, its owner pays a TRIBUTE that changes their pulse "
                + "profile in the same unit of work, an agent run reserves credits and posts what it used, the "
                + "ledger is verified), tells the memory companion's story (a conversation becomes memories and concepts, two "
                + "concepts merge, an insight and its card are derived, the story is fed into a vector index with MiniLM "
                + "embeddings and a question in words is answered from it, the user leaves with everything "
                + "of theirs), and prints what it did.")
final class DemoCommand implements Callable<Integer> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    @Spec
    CommandSpec spec;

    @Option(names = "--jdbc-url", paramLabel = "URL",
            description = "Run on this existing database instead of an embedded one (its schema is migrated; "
                    + "the demo's rows are added and left there).")
    String jdbcUrl;

    @Option(names = "--cosmos", paramLabel = "FILE",
            description = "Write the memory companion's cosmos, its knowledge graph in 3D, to FILE as an SVG picture.")
    java.nio.file.Path cosmos;

    @Mixin
    Connection connection;

    @Override
    public Integer call() throws Exception {
        connection.schema();                      // a bad --schema is a usage error, before anything starts
        long started = System.nanoTime();
        PrintWriter out = spec.commandLine().getOut();
        out.println();
        out.println("Plinth demo");
        out.println("===========");
        out.flush();
        if (jdbcUrl == null) {
            try (var db = EmbeddedDatabase.start()) {
                String where = "embedded, started in " + seconds(System.nanoTime() - started);
                DataSource ds = db.dataSource();
                // the store gets its own connection pool on the embedded server, as it would in production
                run(ds, clock -> PostgresStore.builder().jdbcUrl(db.jdbcUrl()).schema(connection.schema())
                                .maximumPoolSize(4).clock(clock).migrate(false).build(),
                        where, "obsidian-forge.example", started, out);
            }
        } else {
            DataSource ds = connection.dataSource(jdbcUrl);
            Function<Clock, PostgresStore> open = clock -> connection.store(jdbcUrl).maximumPoolSize(4).clock(clock)
                    .migrate(false).build();
            // a fresh mail domain per run, so the demo can run again on the same database
            String tag = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
            run(ds, open, "at " + Connection.redact(jdbcUrl), "obsidian-forge-" + tag + ".example", started, out);
        }
        return 0;
    }

    private void run(DataSource ds, Function<Clock, PostgresStore> open, String where, String domain, long started,
                     PrintWriter out) throws SQLException, java.io.IOException {
        MigrationResult migration = Migrations.apply(ds, connection.schema());
        String version;
        try (java.sql.Connection c = ds.getConnection()) {
            version = c.getMetaData().getDatabaseProductVersion();
        }
        DemoClock clock = new DemoClock();
        long scenarioStarted;
        Outcome outcome;
        LedgerScenario.Outcome ledger;
        CompanionScenario.Outcome companion;
        try (PostgresStore store = open.apply(clock)) {
            scenarioStarted = System.nanoTime();
            outcome = new DemoScenario(store, clock, domain).run();
            ledger = new LedgerScenario(store, clock).run(outcome.workspace(), outcome.owner());
            companion = new CompanionScenario(store, clock, domain, new SemanticScenario(store.outbox())).run();
        }
        long finished = System.nanoTime();

        out.print(block(
                "Database", "PostgreSQL " + version + ", " + where,
                "Schema", connection.schema() + ", version " + migration.schemaVersion() + " (" + plural(migration.applied(), "migration")
                        + " applied now)"));
        out.println();

        out.println("Workspace  " + outcome.workspace().name());
        out.print(block(
                "  id", outcome.workspace().id().toString(),
                "  plan", title(outcome.workspace().planTier()),
                "  owner", outcome.owner().name() + " <" + outcome.owner().email() + ">",
                "  created", TIME.format(outcome.workspace().createdAt())));
        out.println();

        out.println("Members (" + outcome.members().size() + ")");
        TextTable members = new TextTable("NAME", "EMAIL", "ROLE", "SINCE");
        for (Member m : outcome.members()) {
            members.row(m.user().name(), m.user().email(), m.membership().role(), TIME.format(m.membership().createdAt()));
        }
        out.print(members.render("  "));
        out.println();

        out.println("Projects (" + outcome.projects().size() + ")");
        TextTable projects = new TextTable("KEY", "NAME", "CREATED BY", "DESCRIPTION");
        for (Project p : outcome.projects()) {
            projects.row(p.keyName(), p.name(), nameOf(outcome, p), p.description());
        }
        out.print(projects.render("  "));
        out.println();

        int live = outcome.liveSessions().values().stream().mapToInt(List::size).sum();
        out.println("Live sessions, checked " + hours(DemoScenario.LATER) + " later (" + live + " of "
                + outcome.sessionsOpened() + ")");
        TextTable sessions = new TextTable("USER", "DEVICE", "IP", "USER AGENT", "EXPIRES IN");
        for (Map.Entry<User, List<UserSession>> e : outcome.liveSessions().entrySet()) {
            if (e.getValue().isEmpty()) {
                sessions.row(e.getKey().name(), "(none)", "", "", "");
            }
            for (UserSession s : e.getValue()) {
                sessions.row(e.getKey().name(), device(s), s.ipAddress(), abbreviate(s.userAgent(), 32),
                        human(Duration.between(outcome.checkedAt(), s.expiresAt())));
            }
        }
        out.print(sessions.render("  "));
        for (Expired x : outcome.expired()) {
            out.println("  expired, so not listed: " + x.user().name() + "'s " + device(x.session()) + " session ("
                    + human(Duration.between(x.session().expiresAt(), outcome.checkedAt())) + " ago)");
        }
        out.println();

        out.println("Errors, handled (" + outcome.handled().size() + ")");
        for (Handled h : outcome.handled()) {
            out.println("  " + h.what());
            out.println("    -> " + h.error().getClass().getSimpleName() + ": " + Errors.firstLine(h.error().getMessage()));
            out.println("    -> " + h.afterwards());
        }
        out.println();

        printLedger(ledger, outcome, out);

        printCompanion(companion, out);
        if (cosmos != null) {
            java.nio.file.Files.writeString(cosmos, io.plinth.graph.Cosmos.svg(companion.cosmos()));
            out.println("Cosmos written to " + cosmos + " (" + companion.cosmos().nodes().size() + " nodes, "
                    + companion.cosmos().edges().size() + " edges)");
            out.println();
        }

        out.println(outcome.unitsCommitted() + 1 + 5 + " units of work committed, 1 rolled back, in "
                + seconds(finished - scenarioStarted) + "; demo took " + seconds(finished - started) + " in all.");
        out.flush();
    }

    private static void printLedger(LedgerScenario.Outcome l, Outcome outcome, PrintWriter out) {
        out.println("Ledger (Obelisk Pay, seed 000): " + outcome.workspace().name() + "'s credits");
        TextTable transfers = new TextTable("TRANSFER", "TYPE", "KIND", "AMOUNT", "DESCRIPTION");
        for (var t : List.of(l.purchase(), l.tribute(), l.pending(), l.posted())) {
            transfers.row(t.idempotencyKey(), t.type().name(), t.kind().name(), String.format(Locale.ROOT, "%,d %s",
                    t.amount(), t.unit()), t.description());
        }
        out.print(transfers.render("  "));
        var tribute = l.tribute().tribute();
        out.print(block(
                "  bought", String.format(Locale.ROOT, "%,d credits minted by the platform (credits now %,d)",
                        l.purchase().amount(), l.creditsAfterPurchase()),
                "  tribute", tribute.instrumentId() + ", " + tribute.outcome() + " (luck weight "
                        + tribute.luckWeight().toPlainString() + "), in one unit of work with "
                        + outcome.owner().name() + "'s pulse profile",
                "  pulse", "losses " + l.before().consecutiveLosses() + " -> " + l.after().consecutiveLosses()
                        + ", frustration " + l.before().frustration() + " -> " + l.after().frustration()
                        + ", flow " + l.before().flowState() + " -> " + l.after().flowState()
                        + " (version " + l.after().version() + ")",
                "  pending", String.format(Locale.ROOT, "%,d reserved for an agent run, then %,d posted, %,d released",
                        l.pending().amount(), l.posted().amount(), l.pending().amount() - l.posted().amount()),
                "  credits", String.format(Locale.ROOT, "%,d (balance %,d, reserved %,d)", l.credits(),
                        l.wallet().balance(), l.wallet().reserved()),
                "  verify", (l.report().ok() ? "ledger OK" : "ledger FAILED: " + l.report().problems().get(0))
                        + String.format(Locale.ROOT, " (%,d accounts, %,d transfers, %,d entries checked)",
                        l.report().accounts(), l.report().transfers(), l.report().entries())));
        out.println();
    }

    private static void printCompanion(CompanionScenario.Outcome c, PrintWriter out) {
        out.println("Memory companion (seed 004): " + c.user().name() + " <" + c.user().email() + ">");
        out.print(block(
                "  conversation", "\"" + c.conversation().title() + "\", " + plural(c.messages(), "message")
                        + ", active -> ended -> processing -> processed (ended " + TIME.format(c.conversation().endedAt()) + ")",
                "  memory units", String.join("; ", c.memories().stream().map(m -> m.title()).toList()),
                "  concepts", String.join(", ", c.concepts().stream().map(x -> x.name() + " (" + x.type() + ")").toList()),
                "  merged", c.merged().name() + " into " + c.survivor().name() + "; resolving " + c.merged().name()
                        + " gives " + c.survivor().name(),
                "  derived", "insight \"" + c.artifact().title() + "\" from a memory unit and a concept, shown on a card ("
                        + c.card().status().spelling() + ")",
                "  neighbourhood", c.start().name() + ", depth 2: " + String.join(", ", c.neighbours().stream()
                        .map(n -> name(c, n.conceptId()) + String.format(java.util.Locale.ROOT, " %.2f", n.weight()) + " (" + plural(n.distance(), "edge") + ")").toList()),
                "  cosmos", "a 3D layout of " + plural(c.cosmos().nodes().size(), "node") + " and "
                        + plural(c.cosmos().edges().size(), "edge") + ", stored as the latest graph projection"));
        SemanticScenario.Outcome s = c.search();
        out.println("  semantic search  " + plural((int) s.items(), "item") + " fed from the outbox ("
                + plural((int) s.records(), "record") + ") through the vector projector, embedded by all-MiniLM-L6-v2 "
                + "in process (loaded in " + seconds(s.loadNanos()) + ", fed in " + seconds(s.feedNanos()) + ")");
        out.println("    asked \"" + s.question() + "\"");
        for (var hit : s.answers()) {
            var item = hit.item();
            out.println(String.format(Locale.ROOT, "    %.2f  %-19s %s", hit.score(), item.sourceEntityType().spelling(),
                    abbreviate(item.title() == null || item.textContent().startsWith(item.title()) ? item.textContent()
                            : item.title() + ": " + item.textContent(), 90)));
        }
        List<String> gone = new ArrayList<>();
        c.rowsBefore().forEach((table, count) -> {
            if (count > 0) {
                gone.add(table + " " + count + " -> " + c.rowsAfter().get(table));
            }
        });
        out.println("  user deleted, and everything of theirs with them:");
        out.println("    " + String.join(", ", gone));
        out.println();
    }

    private static String name(CompanionScenario.Outcome c, io.plinth.memory.ConceptId id) {
        return c.concepts().stream().filter(x -> x.id().equals(id)).map(x -> x.name()).findFirst().orElse(id.toString());
    }

    private static String block(String... labelsAndValues) {
        StringBuilder sb = new StringBuilder();
        int width = 0;
        for (int i = 0; i < labelsAndValues.length; i += 2) {
            width = Math.max(width, labelsAndValues[i].length());
        }
        for (int i = 0; i < labelsAndValues.length; i += 2) {
            String label = labelsAndValues[i];
            sb.append(label).append(" ".repeat(width - label.length() + 2)).append(labelsAndValues[i + 1])
                    .append(System.lineSeparator());
        }
        return sb.toString();
    }

    private static String nameOf(Outcome outcome, Project p) {
        if (p.createdBy() == null) {
            return null;
        }
        return outcome.members().stream().filter(m -> m.user().id().equals(p.createdBy()))
                .map(m -> m.user().name()).findFirst().orElse(p.createdBy().toString());
    }

    private static String device(UserSession s) {
        if (s.deviceInfo() == null) {
            return "unknown device";
        }
        Map<?, ?> info = s.deviceInfo().as(Map.class);
        Object device = info.get("device");
        Object os = info.get("os");
        return device == null ? s.deviceInfo().toString() : os == null ? device.toString() : device + " (" + os + ")";
    }

    private static String abbreviate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }

    private static String title(PlanTier tier) {
        String name = tier.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    private static String hours(Duration d) {
        return plural((int) d.toHours(), "hour");
    }

    /** "29 d 22 h", "9 h 59 min", "1 h 15 min". */
    static String human(Duration d) {
        long minutes = Math.max(0, (d.getSeconds() + 30) / 60);
        long days = minutes / (24 * 60);
        long hours = minutes / 60 % 24;
        long mins = minutes % 60;
        if (days > 0) {
            return days + " d " + hours + " h";
        }
        return hours > 0 ? hours + " h " + mins + " min" : mins + " min";
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }
}
