package io.plinth.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plinth.core.Json;
import io.plinth.memory.NewUserGraphProjection;
import io.plinth.memory.UserGraphProjection;
import io.plinth.tenancy.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Graph projections: the latest one per user, by creation time and then by id. */
public abstract class UserGraphProjectionContract extends StoreContract {

    private UserGraphProjection projection(UserId user, int n) {
        return store.graphProjections().create(new NewUserGraphProjection(user, Json.parse("{\"nodes\": [], \"n\": " + n + "}")));
    }

    @Test
    void aUserWithoutProjectionsHasNoLatest() {
        UserId user = newUser("Empty").id();
        assertEquals(Optional.empty(), store.graphProjections().latest(user));
        projection(newUser("Other").id(), 1);
        assertEquals(Optional.empty(), store.graphProjections().latest(user));
    }

    @Test
    void theLatestIsTheLastCreated() {
        UserId user = newUser("Cosmos").id();
        UserId other = newUser("Other").id();
        Instant t0 = clock.instant();
        projection(user, 1);
        clock.advance(Duration.ofMinutes(1));
        UserGraphProjection second = projection(user, 2);
        assertEquals("completed", second.status());
        assertEquals(Optional.of(second), store.graphProjections().latest(user));
        clock.advance(Duration.ofMinutes(1));
        UserGraphProjection others = projection(other, 3);
        assertEquals(Optional.of(second), store.graphProjections().latest(user));
        assertEquals(Optional.of(others), store.graphProjections().latest(other));
        // Made later with an earlier time: the time decides, not the id.
        clock.set(t0.minusSeconds(30));
        projection(user, 4);
        assertEquals(Optional.of(second), store.graphProjections().latest(user));
    }

    @Test
    void ofProjectionsMadeAtOneTimeTheLaterMadeIsTheLatest() {
        UserId user = newUser("Ties").id();
        projection(user, 1);
        projection(user, 2);
        UserGraphProjection third = projection(user, 3);
        assertEquals(Optional.of(third), store.graphProjections().latest(user));
        clock.set(clock.instant().minusSeconds(1));
        projection(user, 4);
        assertEquals(Optional.of(third), store.graphProjections().latest(user));
    }

    @Test
    void deletingTheUserDeletesTheirProjections() {
        UserId user = newUser("Leaving").id();
        projection(user, 1);
        store.users().delete(user);
        assertTrue(store.graphProjections().latest(user).isEmpty());
    }

    @Test
    void badArgumentsAreInvalid() {
        UserId user = newUser("Bad").id();
        assertInvalid("userId", () -> store.graphProjections().latest(null));
        assertInvalid("projectionData", () -> store.graphProjections().create(new NewUserGraphProjection(user, null)));
        assertInvalid("projectionData", () -> store.graphProjections().create(new NewUserGraphProjection(user, Json.parse("null"))));
    }
}
