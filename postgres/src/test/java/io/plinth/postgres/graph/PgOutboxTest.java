package io.plinth.postgres.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plinth.core.InvalidInputException;
import io.plinth.core.Store;
import io.plinth.graph.MirroredRow;
import io.plinth.graph.MirroredTable;
import io.plinth.graph.Outbox;
import io.plinth.graph.OutboxChange;
import io.plinth.graph.OutboxPosition;
import io.plinth.memory.Community;
import io.plinth.memory.Concept;
import io.plinth.memory.MemoryUnit;
import io.plinth.memory.NewCommunity;
import io.plinth.memory.NewConcept;
import io.plinth.memory.NewMemoryUnit;
import io.plinth.memory.NewMention;
import io.plinth.postgres.TestDatabase;
import io.plinth.tenancy.NewUser;
import io.plinth.tenancy.User;
import io.plinth.testkit.TestClock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbox of migration V13: a record with every change, none without one, and none ever skipped by a consumer. */
class PgOutboxTest {
    private Store store;
    private Outbox outbox;

    @BeforeEach
    void empty() {
        store = TestDatabase.emptyStore(new TestClock());
        outbox = new PgOutbox(TestDatabase.dataSource());
    }

    @Test
    void everyChangeOfAMirroredRowIsRecordedWithItsCurrentState() throws Exception {
        User user = store.users().create(NewUser.of("ada@example.com", "Ada"));
        Concept concept = store.inTransaction(tx -> {
            Community c = tx.communities().create(new NewCommunity(user.id(), "Work", null));
            return tx.concepts().create(new NewConcept(user.id(), "Graphs", "topic", null, null, c.id()));
        });
        List<OutboxChange> changes = settled("test");
        // creating a concept also counts it in its user's row: a USERS record after the three
        assertEquals(List.of(MirroredTable.USERS, MirroredTable.COMMUNITIES, MirroredTable.CONCEPTS),
                changes.stream().map(OutboxChange::table).limit(3).toList());
        MirroredRow row = changes.get(2).row().orElseThrow();
        assertEquals(concept.id().value(), row.id());
        assertEquals(user.id().value(), row.userId());
        assertEquals("Graphs", row.text("name"));
        assertEquals(changes.get(1).id(), row.uuid("community_id"));
        assertEquals(user.id().value(), row.uuid("community_user_id"));
    }

    @Test
    void messagesAndCardsAreRecordedWithTheirTextAndACascadeRemovesThem() throws Exception {
        User user = store.users().create(NewUser.of("ada@example.com", "Ada"));
        MemoryUnit unit = store.memoryUnits().create(new NewMemoryUnit(user.id(), "Walk", "by the sea", Instant.parse("2026-01-01T00:00:00Z"), null, null, null));
        outbox.acknowledge("test", last(settled("test")));
        io.plinth.memory.Conversation talk = store.conversations().create(
                new io.plinth.memory.NewConversation(user.id(), "Evening", null, null, null, null));
        store.messages().create(new io.plinth.memory.NewConversationMessage(user.id(), talk.id(),
                io.plinth.memory.MessageRole.USER, "I walked by the sea", null, List.of()));
        store.cards().create(new io.plinth.memory.NewCard(user.id(), "memory", unit.id().value(),
                io.plinth.memory.CardSourceType.MEMORY_UNIT, io.plinth.core.Json.parse("{\"title\": \"Sea walk\"}")));
        List<OutboxChange> changes = settled("test");
        assertEquals(List.of(MirroredTable.CONVERSATION_MESSAGES, MirroredTable.CARDS),
                changes.stream().map(OutboxChange::table).toList());
        MirroredRow message = changes.get(0).row().orElseThrow();
        assertEquals("I walked by the sea", message.text("content"));
        assertEquals("user", message.text("role"));
        assertEquals(talk.id().value(), message.uuid("conversation_id"));
        MirroredRow card = changes.get(1).row().orElseThrow();
        assertEquals("memory", card.text("card_type"));
        assertTrue(card.text("display_data").contains("Sea walk"));
        outbox.acknowledge("test", last(changes));
        store.conversations().delete(user.id(), talk.id());
        List<OutboxChange> deleted = settled("test");
        assertEquals(1, deleted.size(), "the conversation's delete cascades to its message");
        assertEquals(MirroredTable.CONVERSATION_MESSAGES, deleted.get(0).table());
        assertTrue(deleted.get(0).row().isEmpty());
    }

    @Test
    void aRolledBackUnitOfWorkLeavesNoRecord() throws Exception {
        User user = store.users().create(NewUser.of("ada@example.com", "Ada"));
        outbox.acknowledge("test", last(settled("test")));
        assertThrows(IllegalStateException.class, () -> store.inTransaction(tx -> {
            tx.concepts().create(new NewConcept(user.id(), "Graphs", "topic", null, null, null));
            throw new IllegalStateException("changed my mind");
        }));
        assertEquals(List.of(), settled("test"));
        assertEquals(0, outbox.lag("test"));
    }

    @Test
    void aUsersDeleteRecordsEveryRowItCascadesTo() throws Exception {
        User user = store.users().create(NewUser.of("ada@example.com", "Ada"));
        MemoryUnit unit = store.memoryUnits().create(new NewMemoryUnit(user.id(), "Walk", "by the sea", Instant.parse("2026-01-01T00:00:00Z"), null, null, null));
        Concept concept = store.concepts().create(new NewConcept(user.id(), "Sea", "place", null, null, null));
        store.mentions().create(new NewMention(user.id(), unit.id(), concept.id(), 0.5));
        outbox.acknowledge("test", last(settled("test")));
        store.users().delete(user.id());
        List<OutboxChange> changes = settled("test");
        assertEquals(Set.of(MirroredTable.USERS, MirroredTable.MEMORY_UNITS, MirroredTable.CONCEPTS, MirroredTable.CONCEPT_MENTIONS),
                changes.stream().map(OutboxChange::table).collect(java.util.stream.Collectors.toSet()));
        assertTrue(changes.stream().allMatch(c -> c.row().isEmpty()), "every row is gone");
    }

    @Test
    void aWriteFromAnotherClientIsRecordedToo() throws Exception {
        User user = store.users().create(NewUser.of("ada@example.com", "Ada"));
        outbox.acknowledge("test", last(settled("test")));
        try (Connection c = TestDatabase.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO concepts (concept_id, user_id, name, type, last_updated_ts) VALUES (gen_random_uuid(), '"
                    + user.id() + "', 'Prisma', 'tool', now())");
        }
        List<OutboxChange> changes = settled("test");
        assertEquals(1, changes.size());
        assertEquals("Prisma", changes.get(0).row().orElseThrow().text("name"));
    }

    @Test
    void aRecordOfARunningTransactionHoldsBackEveryLaterOne() throws Exception {
        User user = store.users().create(NewUser.of("ada@example.com", "Ada"));
        outbox.acknowledge("test", last(settled("test")));
        try (Connection slow = TestDatabase.dataSource().getConnection()) {
            slow.setAutoCommit(false);
            insertCommunity(slow, user.id().value(), "slow"); // takes the lower outbox id, commits last
            store.communities().create(new NewCommunity(user.id(), "fast", null));
            assertEquals(List.of(), outbox.poll("test", 100), "nothing after a transaction still running");
            assertEquals(1, outbox.lag("test"), "the committed one counts as lag");
            slow.commit();
        }
        List<OutboxChange> changes = settled("test");
        assertEquals(List.of("slow", "fast"), changes.stream().map(c -> c.row().orElseThrow().text("name")).toList());
    }

    @Test
    void theCheckpointIsDurableAndNeverMovesBack() throws Exception {
        store.users().create(NewUser.of("ada@example.com", "Ada"));
        store.users().create(NewUser.of("bob@example.com", "Bob"));
        List<OutboxChange> all = settled("test");
        assertEquals(2, all.size());
        outbox.acknowledge("test", all.get(1).position());
        outbox.acknowledge("test", all.get(0).position());
        assertEquals(all.get(1).position(), outbox.checkpoint("test"));
        assertEquals(all.get(1).position(), new PgOutbox(TestDatabase.dataSource()).checkpoint("test"));
        assertEquals(List.of(), settled("test"));
        assertEquals(2, settled("another consumer").size(), "each consumer has its own checkpoint");
        assertEquals(OutboxPosition.START, outbox.checkpoint("another consumer"));
    }

    /** The graph projector and the vector feed are two consumers: pruning keeps what either has not passed. */
    @Test
    void pruningDeletesOnlyWhatEveryConsumerHasPassed() throws Exception {
        store.users().create(NewUser.of("ada@example.com", "Ada"));
        store.users().create(NewUser.of("bob@example.com", "Bob"));
        store.users().create(NewUser.of("cy@example.com", "Cy"));
        List<OutboxChange> all = settled("neo4j-graph");
        assertEquals(3, all.size());
        assertEquals(0, outbox.prune(), "no consumer has a checkpoint: nothing goes");
        outbox.acknowledge("vector-index", OutboxPosition.START);
        outbox.acknowledge("neo4j-graph", last(all));
        assertEquals(0, outbox.prune(), "a consumer registered at the start holds every record");
        outbox.acknowledge("vector-index", all.get(0).position());
        assertEquals(1, outbox.prune());
        assertEquals(all.subList(1, 3), settled("vector-index"));
        assertEquals(2, outbox.lag("vector-index"));
        assertEquals(0, outbox.lag("neo4j-graph"));
        outbox.acknowledge("vector-index", last(all));
        assertEquals(2, outbox.prune());
        assertEquals(0, outbox.prune());
        assertEquals(0, outboxRows());
        store.users().create(NewUser.of("dee@example.com", "Dee"));
        assertEquals(1, settled("neo4j-graph").size(), "reading goes on after a prune");
        assertEquals(1, settled("vector-index").size());
    }

    @Test
    void pruningDeletesInStepsUntilEverythingPassedIsGone() throws Exception {
        User user = store.users().create(NewUser.of("ada@example.com", "Ada"));
        try (Connection c = TestDatabase.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO communities (community_id, user_id, name) SELECT gen_random_uuid(), '" + user.id()
                    + "', 'c' || n FROM generate_series(1, " + (Outbox.MAX_BATCH + 50) + ") n");
        }
        outbox.acknowledge("neo4j-graph", outbox.head());
        assertEquals(Outbox.MAX_BATCH + 51, outbox.prune());
        assertEquals(0, outboxRows());
    }

    private static long outboxRows() throws SQLException {
        try (Connection c = TestDatabase.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM outbox")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void badArgumentsAreRefusedNamingTheField() throws Exception {
        assertEquals("consumer", assertThrows(InvalidInputException.class, () -> outbox.poll("", 10)).field());
        assertEquals("limit", assertThrows(InvalidInputException.class, () -> outbox.poll("test", 0)).field());
        assertEquals("consumer", assertThrows(InvalidInputException.class, () -> outbox.lag("x".repeat(101))).field());
    }

    /**
     * Writers commit in an order unrelated to their outbox ids (each sleeps inside its transaction) while a
     * consumer polls and acknowledges in small batches: it reads every record exactly once.
     */
    @Test
    void aConsumerRacingConcurrentWritersSeesEveryRecordExactlyOnce() throws Exception {
        User user = store.users().create(NewUser.of("ada@example.com", "Ada"));
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < 6; w++) {
            int writer = w;
            writers.add(pool.submit(() -> {
                for (int i = 0; i < 40; i++) {
                    try (Connection c = TestDatabase.dataSource().getConnection()) {
                        c.setAutoCommit(false);
                        insertCommunity(c, user.id().value(), writer + "-" + i);
                        Thread.sleep(ThreadLocalRandom.current().nextInt(0, 4));
                        insertCommunity(c, user.id().value(), writer + "-" + i + "b");
                        if (i % 7 == 3) {
                            c.rollback();
                        } else {
                            c.commit();
                        }
                    }
                }
                return null;
            }));
        }
        List<Long> seen = new ArrayList<>();
        Future<?> reader = Executors.newSingleThreadExecutor().submit(() -> {
            while (true) {
                boolean done = !writing.get();
                List<OutboxChange> batch = outbox.poll("racer", 7);
                batch.forEach(c -> seen.add(c.position().id()));
                if (!batch.isEmpty()) {
                    outbox.acknowledge("racer", last(batch));
                } else if (done && outbox.checkpoint("racer").compareTo(outbox.head()) >= 0) {
                    return null;
                } else {
                    Thread.sleep(5); // held back by a transaction still running (on a shared server, maybe another database's)
                }
            }
        });
        for (Future<?> f : writers) {
            f.get(120, TimeUnit.SECONDS);
        }
        writing.set(false);
        reader.get(120, TimeUnit.SECONDS);
        pool.shutdown();
        List<Long> recorded = new ArrayList<>();
        try (Connection c = TestDatabase.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id FROM outbox WHERE entity = 'communities' ORDER BY xid, id")) {
            // (seen holds the user's own record first)
            while (rs.next()) {
                recorded.add(rs.getLong(1));
            }
        }
        assertEquals(6 * (40 - 6) * 2, recorded.size(), "a record for every committed row, none for a rolled-back one");
        assertEquals(recorded, seen.subList(1, seen.size()), "every record, once, in (xid, id) order");
        assertEquals(new HashSet<>(seen).size(), seen.size());
        assertFalse(seen.isEmpty());
    }

    private static void insertCommunity(Connection c, UUID user, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO communities (community_id, user_id, name) VALUES (gen_random_uuid(), ?, ?)")) {
            s.setObject(1, user);
            s.setString(2, name);
            s.executeUpdate();
        }
    }

    /** The records after the checkpoint once every committed one can be read (another database's transaction may hold them back). */
    private List<OutboxChange> settled(String consumer) throws InterruptedException {
        OutboxPosition head = outbox.head();
        for (int i = 0; i < 500; i++) {
            List<OutboxChange> changes = outbox.poll(consumer, 100);
            if (head.compareTo(outbox.checkpoint(consumer)) <= 0 || !changes.isEmpty() && last(changes).compareTo(head) >= 0) {
                return changes;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the outbox stayed held back");
    }

    private static OutboxPosition last(List<OutboxChange> changes) {
        return changes.get(changes.size() - 1).position();
    }
}
