package io.plinth.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.plinth.core.NotFoundException;
import io.plinth.memory.NewUserChallenge;
import io.plinth.memory.UserChallenge;
import io.plinth.memory.UserChallengeId;
import io.plinth.tenancy.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Challenges: a new one is {@code active} and starts at the store's time; its status is free text;
 * completing sets status {@code completed} and the completion time once.
 */
public abstract class UserChallengeContract extends StoreContract {

    private UserChallenge challenge(UserId user) {
        return store.challenges().create(new NewUserChallenge(user, "template-7", null, null));
    }

    @Test
    void aNewChallengeIsActiveAndStartsNow() {
        UserChallenge created = challenge(newUser("Starter").id());
        assertEquals("active", created.status());
        assertEquals(clock.instant(), created.startTime());
        assertNull(created.completionTime());
        assertEquals(0, created.version());
        assertEquals(created, store.challenges().get(created.userId(), created.id()));
    }

    @Test
    void completingSetsTheStatusAndTheCompletionTime() {
        UserChallenge created = challenge(newUser("Finisher").id());
        clock.advance(Duration.ofHours(3));
        UserChallenge completed = store.challenges().complete(created.userId(), created.id());
        assertEquals("completed", completed.status());
        assertEquals(clock.instant(), completed.completionTime());
        assertEquals(created.startTime(), completed.startTime());
        assertEquals(1, completed.version());
        assertEquals(completed, store.challenges().get(created.userId(), created.id()));
    }

    @Test
    void completingTwiceKeepsTheFirstCompletion() {
        UserChallenge created = challenge(newUser("Twice").id());
        clock.advance(Duration.ofMinutes(1));
        UserChallenge first = store.challenges().complete(created.userId(), created.id());
        clock.advance(Duration.ofMinutes(1));
        assertEquals(first, store.challenges().complete(created.userId(), created.id()));
        assertEquals(first, store.challenges().get(created.userId(), created.id()));
    }

    @Test
    void concurrentCompletionsCompleteOnce() throws Exception {
        UserChallenge created = challenge(newUser("Racer").id());
        clock.advance(Duration.ofMinutes(5));
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<UserChallenge>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> store.challenges().complete(created.userId(), created.id())));
            }
            UserChallenge stored = null;
            for (Future<UserChallenge> result : results) {
                UserChallenge completed = result.get(60, TimeUnit.SECONDS);
                stored = stored == null ? completed : stored;
                assertEquals(stored, completed, "every caller sees the one completion");
            }
            assertEquals(1, stored.version());
            assertEquals(stored, store.challenges().get(created.userId(), created.id()));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void completingAnotherUsersOrAMissingChallengeIsNotFound() {
        UserChallenge created = challenge(newUser("Owner").id());
        UserId stranger = newUser("Stranger").id();
        assertFailsAndWritesNothing(NotFoundException.class, () -> store.challenges().complete(stranger, created.id()));
        assertFailsAndWritesNothing(NotFoundException.class,
                () -> store.challenges().complete(created.userId(), UserChallengeId.generate()));
        assertEquals(created, store.challenges().get(created.userId(), created.id()));
    }

    @Test
    void theStatusIsFreeText() {
        UserChallenge created = challenge(newUser("Free").id());
        UserChallenge paused = store.challenges().update(created.withStatus("paused by the user \u2014 back soon"));
        assertEquals("paused by the user \u2014 back soon", store.challenges().get(created.userId(), created.id()).status());
        assertInvalid("status", () -> store.challenges().update(paused.withStatus("s".repeat(501))));
        assertInvalid("status", () -> store.challenges().update(paused.withStatus(" ")));
        assertInvalid("status", () -> store.challenges().update(paused.withStatus("pa\0used")));
        UserChallenge completed = store.challenges().complete(created.userId(), created.id());
        assertEquals("completed", completed.status());
    }

    @Test
    void badArgumentsAreInvalid() {
        UserChallenge created = challenge(newUser("Nulls").id());
        assertInvalid("userId", () -> store.challenges().complete(null, created.id()));
        assertInvalid("userChallengeId", () -> store.challenges().complete(created.userId(), null));
        assertInvalid("challengeTemplateId", () -> store.challenges().create(
                new NewUserChallenge(created.userId(), "t\0", null, null)));
        assertInvalid("challengeTemplateId", () -> store.challenges().create(
                new NewUserChallenge(created.userId(), "t".repeat(501), null, null)));
        assertInvalid("completionTime", () -> store.challenges().create(
                new NewUserChallenge(created.userId(), "template", Instant.parse("+10000-01-01T00:00:00Z"), null)));
    }
}
