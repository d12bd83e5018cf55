package io.plinth.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plinth.core.CrudRepository;
import io.plinth.core.Ids;
import io.plinth.core.Json;
import io.plinth.core.NotFoundException;
import io.plinth.core.Page;
import io.plinth.core.PageRequest;
import io.plinth.core.Pages;
import io.plinth.memory.InteractionLog;
import io.plinth.memory.InteractionLogRepository;
import io.plinth.memory.NewInteractionLog;
import io.plinth.tenancy.UserId;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Interaction logs: append-only, written in batches (all or nothing, one statement on PostgreSQL),
 * listed by time range in {@code (timestamp, id)} order with a cursor that carries both.
 */
public abstract class InteractionLogContract extends StoreContract {
    private static final Instant END_OF_TIME = Instant.parse("9999-12-31T23:59:59.999999Z");

    private static NewInteractionLog log(UserId user, int n) {
        return new NewInteractionLog(user, "view", "card-" + n, n % 2 == 0 ? "Card" : null, "Looked " + n,
                n % 3 == 0 ? Json.parse("{\"n\": " + n + ", \"tags\": [\"a\", null]}") : null,
                n % 2 == 1 ? Json.parse("{\"client\": \"web\"}") : null);
    }

    private static List<NewInteractionLog> logs(UserId user, int from, int count) {
        List<NewInteractionLog> logs = new ArrayList<>();
        for (int n = from; n < from + count; n++) {
            logs.add(log(user, n));
        }
        return logs;
    }

    /** Every page of {@code listBetween}, concatenated; asserts no page exceeds the limit. */
    private List<InteractionLog> listAll(UserId user, Instant from, Instant to, int limit) {
        List<Page<InteractionLog>> pages = Pages.pages(request -> store.interactions().listBetween(user, from, to, request),
                PageRequest.first(limit)).toList();
        for (Page<InteractionLog> page : pages) {
            assertEquals(page.hasNext() ? limit : page.items().size(), page.items().size(), "only the last page is short");
            assertTrue(page.items().size() <= limit);
        }
        return pages.stream().flatMap(page -> page.items().stream()).toList();
    }

    private static final Comparator<InteractionLog> ORDER = Comparator.comparing(InteractionLog::timestamp)
            .thenComparing(l -> l.id().value(), Ids.ORDER);

    @Test
    void interactionLogsOfferNoUpdateNorDelete() {
        assertFalse(store.interactions() instanceof CrudRepository);
        boolean inWork = store.inTransaction(tx -> tx.interactions() instanceof CrudRepository);
        assertFalse(inWork);
    }

    @Test
    void aBatchIsStoredInOrderWithOneTimestamp() {
        UserId user = newUser("Batcher").id();
        UserId other = newUser("Other").id();
        List<NewInteractionLog> batch = logs(user, 1, 6);
        batch.add(log(other, 7));
        List<InteractionLog> stored = store.interactions().appendAll(batch);
        assertEquals(7, stored.size());
        for (int i = 0; i < stored.size(); i++) {
            InteractionLog log = stored.get(i);
            assertEquals(clock.instant(), log.timestamp());
            assertEquals(batch.get(i).userId(), log.userId());
            assertEquals(batch.get(i).contentText(), log.contentText());
            assertEquals(batch.get(i).contentStructured(), log.contentStructured());
            assertEquals(batch.get(i).metadata(), log.metadata());
            assertEquals(log, store.interactions().get(log.userId(), log.id()));
            if (i > 0) {
                assertTrue(Ids.ORDER.compare(stored.get(i - 1).id().value(), log.id().value()) < 0, "ids ascend");
            }
        }
        assertEquals(stored.subList(0, 6), store.interactions().list(user, PageRequest.first()).items());
        assertEquals(List.of(stored.get(6)), store.interactions().list(other, PageRequest.first()).items());
        assertEquals(List.of(), store.interactions().appendAll(List.of()));
    }

    @Test
    void aFullBatchIsStored() {
        UserId user = newUser("Busy").id();
        List<InteractionLog> stored = store.interactions().appendAll(logs(user, 0, InteractionLogRepository.MAX_BATCH));
        assertEquals(InteractionLogRepository.MAX_BATCH, stored.size());
        assertEquals(stored, listAll(user, clock.instant(), clock.instant().plusNanos(1_000), PageRequest.MAX_LIMIT));
    }

    @Test
    void aBatchWithAMissingUserWritesNothing() {
        UserId user = newUser("Partial").id();
        store.interactions().create(log(user, 0));
        List<NewInteractionLog> batch = logs(user, 1, 5);
        batch.add(log(UserId.generate(), 6));
        batch.addAll(logs(user, 7, 3));
        assertFailsAndWritesNothing(NotFoundException.class, () -> store.interactions().appendAll(batch));
    }

    @Test
    void aFailedBatchInAUnitOfWorkUndoesOnlyItself() {
        UserId user = newUser("Careful").id();
        List<InteractionLog> kept = store.inTransaction(tx -> {
            List<InteractionLog> first = tx.interactions().appendAll(logs(user, 0, 3));
            List<NewInteractionLog> broken = logs(user, 3, 3);
            broken.add(log(UserId.generate(), 6));
            try {
                tx.interactions().appendAll(broken);
            } catch (NotFoundException expected) {
                // the unit of work goes on
            }
            List<InteractionLog> all = new ArrayList<>(first);
            all.addAll(tx.interactions().appendAll(logs(user, 7, 2)));
            return all;
        });
        assertEquals(kept, store.interactions().list(user, PageRequest.first()).items());
    }

    @Test
    void badBatchesAreInvalidAndWriteNothing() {
        UserId user = newUser("Invalid").id();
        assertInvalid("logs", () -> store.interactions().appendAll(null));
        assertInvalid("logs", () -> store.interactions().appendAll(Arrays.asList(log(user, 1), null)));
        assertInvalid("logs", () -> store.interactions().appendAll(logs(user, 0, InteractionLogRepository.MAX_BATCH + 1)));
        assertInvalid("contentText", () -> store.interactions().appendAll(List.of(log(user, 1),
                new NewInteractionLog(user, "view", null, null, "x".repeat(100_001), null, null))));
        assertInvalid("interactionType", () -> store.interactions().appendAll(List.of(
                new NewInteractionLog(user, "vi\0ew", null, null, null, null, null))));
        assertInvalid("targetEntityId", () -> store.interactions().create(
                new NewInteractionLog(user, "view", "t".repeat(501), null, null, null, null)));
        assertInvalid("json", () -> store.interactions().appendAll(List.of(
                new NewInteractionLog(user, "view", null, null, null, Json.parse("{\"a\": \"\\u0000\"}"), null))));
    }

    @Test
    void listingsPageAcrossEqualTimestamps() {
        UserId user = newUser("Pager").id();
        UserId other = newUser("Other").id();
        Instant t0 = clock.instant();
        List<InteractionLog> all = new ArrayList<>(store.interactions().appendAll(logs(user, 0, 7)));
        store.interactions().appendAll(logs(other, 0, 4));
        clock.advance(Duration.ofSeconds(1));
        Instant t1 = clock.instant();
        all.addAll(store.interactions().appendAll(logs(user, 7, 5)));
        all.add(store.interactions().create(log(user, 12)));
        clock.advance(Duration.ofSeconds(1));
        Instant t2 = clock.instant();
        all.add(store.interactions().create(log(user, 13)));
        // Made last, stamped first: the timestamp orders the listing, the id only breaks ties.
        clock.set(t0.minusNanos(1_000));
        InteractionLog early = store.interactions().create(log(user, 14));
        all.add(0, early);
        assertEquals(all.stream().sorted(ORDER).toList(), all);

        for (int limit : new int[] {1, 2, 3, 5, 7, 100}) {
            assertEquals(all, listAll(user, early.timestamp(), t2.plusNanos(1_000), limit), "limit " + limit);
        }
        assertEquals(all.subList(1, 8), listAll(user, t0, t1, 3), "[t0, t1): the first batch");
        assertEquals(all.subList(8, 14), listAll(user, t1, t2, 4), "[t1, t2): the second batch and its neighbour");
        assertEquals(List.of(), listAll(user, t1, t1, 4), "an empty range");
        assertEquals(List.of(), listAll(user, t2.plusNanos(1_000), END_OF_TIME, 4));
        assertEquals(4, listAll(other, t0, END_OF_TIME, 3).size());
    }

    @Test
    void logsAtTheEdgesOfTimePageWithCursors() {
        UserId user = newUser("Edges").id();
        Instant start = Instant.parse("0001-01-01T00:00:00Z");
        clock.set(start);
        List<InteractionLog> all = new ArrayList<>(store.interactions().appendAll(logs(user, 0, 3)));
        clock.set(END_OF_TIME);
        all.addAll(store.interactions().appendAll(logs(user, 3, 3)));
        all.sort(ORDER);
        for (int limit : new int[] {1, 2, 5}) {
            assertEquals(all.subList(0, 3), listAll(user, start, END_OF_TIME, limit), "limit " + limit);
        }
        PageRequest fromTheStart = new PageRequest(PageRequest.cursorOf(start, new UUID(0, 0)), 10);
        assertEquals(all.subList(0, 3), store.interactions().listBetween(user, start, END_OF_TIME, fromTheStart).items());
        PageRequest atTheEnd = new PageRequest(PageRequest.cursorOf(END_OF_TIME, new UUID(0, 0)), 2);
        Page<InteractionLog> page = store.interactions().listBetween(user, start, END_OF_TIME, atTheEnd);
        assertEquals(List.of(), page.items(), "to is excluded, so the last instant lists nothing");
    }

    @Test
    void aPageResumesAfterItsCursorEvenWhenLogsArriveBetweenPages() {
        UserId user = newUser("Follower").id();
        Instant t0 = clock.instant();
        List<InteractionLog> first = store.interactions().appendAll(logs(user, 0, 4));
        PageRequest request = PageRequest.first(3);
        Page<InteractionLog> page = store.interactions().listBetween(user, t0, END_OF_TIME, request);
        assertEquals(first.subList(0, 3), page.items());
        List<InteractionLog> later = store.interactions().appendAll(logs(user, 4, 2));
        Page<InteractionLog> next = store.interactions().listBetween(user, t0, END_OF_TIME,
                new PageRequest(page.nextCursor(), request.limit()));
        assertEquals(List.of(first.get(3), later.get(0), later.get(1)), next.items());
    }

    @Test
    void aCursorOfAnotherListingIsInvalid() {
        UserId user = newUser("Tamperer").id();
        store.interactions().appendAll(logs(user, 0, 3));
        Page<InteractionLog> byId = store.interactions().list(user, PageRequest.first(1));
        PageRequest foreign = new PageRequest(byId.nextCursor(), 1);
        Instant now = clock.instant();
        assertInvalid("after", () -> store.interactions().listBetween(user, now, END_OF_TIME, foreign));
        Page<InteractionLog> byTime = store.interactions().listBetween(user, now, END_OF_TIME, PageRequest.first(1));
        assertInvalid("after", () -> store.interactions().list(user, new PageRequest(byTime.nextCursor(), 1)));
        byte[] outOfRange = ByteBuffer.allocate(24).putLong(Long.MAX_VALUE).putLong(1).putLong(2).array();
        PageRequest forged = new PageRequest(Base64.getUrlEncoder().withoutPadding().encodeToString(outOfRange), 1);
        assertInvalid("after", () -> store.interactions().listBetween(user, now, END_OF_TIME, forged));
    }

    @Test
    void badRangesAreInvalid() {
        UserId user = newUser("Ranger").id();
        Instant now = clock.instant();
        assertInvalid("from", () -> store.interactions().listBetween(user, now.plusNanos(1_000), now, PageRequest.first()));
        assertInvalid("userId", () -> store.interactions().listBetween(null, now, now, PageRequest.first()));
        assertInvalid("from", () -> store.interactions().listBetween(user, null, now, PageRequest.first()));
        assertInvalid("to", () -> store.interactions().listBetween(user, now, null, PageRequest.first()));
        assertInvalid("page", () -> store.interactions().listBetween(user, now, now, null));
    }

    @Test
    void rangesAreTruncatedToMicroseconds() {
        UserId user = newUser("Precise").id();
        InteractionLog log = store.interactions().create(log(user, 1));
        Instant at = log.timestamp();
        assertEquals(List.of(log), listAll(user, at.plusNanos(999), at.plusNanos(1_000), 10),
                "from truncates down to the log's microsecond");
        assertEquals(List.of(), listAll(user, at.minusNanos(1_000), at.plusNanos(999), 10),
                "to truncates down to the log's microsecond, which the half-open range leaves out");
        assertNotEquals(at, at.plusNanos(999));
    }
}
