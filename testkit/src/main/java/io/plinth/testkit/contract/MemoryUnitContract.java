package io.plinth.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.plinth.memory.Conversation;
import io.plinth.memory.ConversationId;
import io.plinth.memory.MemoryUnit;
import io.plinth.memory.NewConversation;
import io.plinth.memory.NewMemoryUnit;
import io.plinth.tenancy.UserId;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/**
 * Memory units (seed 004) on every backend: the creation time the caller gives, the ingestion time
 * the store takes, and the link to the conversation that spawned them — of the same user, cleared
 * when the conversation is deleted.
 */
public abstract class MemoryUnitContract extends StoreContract {

    private MemoryUnit memoryUnit(UserId user, Instant creationTs, ConversationId source) {
        return store.memoryUnits().create(new NewMemoryUnit(user, "Trip", "We went to Rome", creationTs, 0.5, -0.25, source));
    }

    private Conversation conversation(UserId user) {
        return store.conversations().create(new NewConversation(user, "Holidays", null, null, null, null));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    @Test
    void creationTsIsKeptAsGivenAndIngestionTsIsTheStoresTime() {
        UserId user = newUser("Ada").id();
        Instant happened = Instant.parse("2019-07-14T09:30:15.123456789Z");
        MemoryUnit created = memoryUnit(user, happened, null);
        assertEquals(Instant.parse("2019-07-14T09:30:15.123456Z"), created.creationTs(), "truncated to microseconds");
        assertEquals(now(), created.ingestionTs());
        assertEquals(now(), created.lastModifiedTs());
        assertEquals(created, store.memoryUnits().get(user, created.id()));
    }

    @Test
    void aCreationTimeInTheFutureOrTheDistantPastIsKept() {
        UserId user = newUser("Ada").id();
        Instant future = now().plus(Duration.ofDays(3650));
        Instant past = Instant.parse("0001-01-01T00:00:00Z");
        assertEquals(future, store.memoryUnits().get(user, memoryUnit(user, future, null).id()).creationTs());
        assertEquals(past, store.memoryUnits().get(user, memoryUnit(user, past, null).id()).creationTs());
    }

    @Test
    void anUpdateKeepsBothTimesAndMovesLastModifiedTs() {
        UserId user = newUser("Ada").id();
        MemoryUnit created = memoryUnit(user, Instant.parse("2019-07-14T09:30:15Z"), null);
        clock.advance(Duration.ofHours(2));
        MemoryUnit updated = store.memoryUnits().update(created.withTitle("Rome trip"));
        assertEquals(created.creationTs(), updated.creationTs());
        assertEquals(created.ingestionTs(), updated.ingestionTs());
        assertEquals(now(), updated.lastModifiedTs());
        assertEquals(updated, store.memoryUnits().get(user, created.id()));
    }

    @Test
    void deletingTheSourceConversationClearsTheLink() {
        UserId user = newUser("Ada").id();
        Conversation source = conversation(user);
        Conversation other = conversation(user);
        MemoryUnit spawned = memoryUnit(user, Instant.parse("2024-01-01T00:00:00Z"), source.id());
        MemoryUnit kept = memoryUnit(user, Instant.parse("2024-01-02T00:00:00Z"), other.id());
        assertEquals(source.id(), spawned.sourceConversationId());
        clock.advance(Duration.ofMinutes(1));
        store.conversations().delete(user, source.id());
        MemoryUnit after = store.memoryUnits().get(user, spawned.id());
        assertNull(after.sourceConversationId());
        assertEquals(spawned.withSourceConversationId(null), after, "nothing else of the memory unit changes");
        assertEquals(kept, store.memoryUnits().get(user, kept.id()));
    }

    @Test
    void anotherUsersConversationIsRefused() {
        UserId user = newUser("Ada").id();
        Conversation theirs = conversation(newUser("Bob").id());
        assertInvalid("sourceConversationId", () -> memoryUnit(user, Instant.parse("2024-01-01T00:00:00Z"), theirs.id()));
        MemoryUnit mine = memoryUnit(user, Instant.parse("2024-01-01T00:00:00Z"), null);
        assertInvalid("sourceConversationId", () -> store.memoryUnits().update(mine.withSourceConversationId(theirs.id())));
        assertInvalid("sourceConversationId",
                () -> memoryUnit(user, Instant.parse("2024-01-01T00:00:00Z"), ConversationId.generate()));
    }
}
