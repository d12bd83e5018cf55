package io.plinth.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plinth.core.ConflictException;
import io.plinth.core.Json;
import io.plinth.core.NotFoundException;
import io.plinth.core.PageRequest;
import io.plinth.tenancy.NewUserSession;
import io.plinth.tenancy.SessionId;
import io.plinth.tenancy.User;
import io.plinth.tenancy.UserId;
import io.plinth.tenancy.UserSession;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The behaviour of {@link io.plinth.tenancy.UserSessionRepository}, on every backend. */
public abstract class UserSessionContract extends StoreContract {

    private UserSession open(User user, Duration ttl) {
        Json device = Json.parse("{\"os\": \"linux\", \"app\": {\"name\": \"beep\", \"build\": 42}, \"tags\": [\"a\", \"b\"]}");
        return store.sessions().create(new NewUserSession(user.id(), device, "2001:db8::1", "Mozilla/5.0", clock.instant().plus(ttl)));
    }

    @Test
    void createdSessionReadsBackWithItsDeviceInfo() {
        User user = newUser("Traveller");
        UserSession session = open(user, Duration.ofHours(1));
        UserSession read = store.sessions().get(user.id(), session.id());
        assertEquals(session, read);
        assertEquals(Json.of(Map.of("os", "linux", "app", Map.of("build", 42, "name", "beep"), "tags", List.of("a", "b"))),
                read.deviceInfo());
        assertEquals(clock.instant(), read.createdAt());
        assertEquals(clock.instant(), read.lastActiveAt());
    }

    @Test
    void liveSessionsExcludeExpiredOnes() {
        User user = newUser("Traveller");
        UserSession shortLived = open(user, Duration.ofMinutes(1));
        UserSession longLived = open(user, Duration.ofDays(1));
        open(newUser("Someone else"), Duration.ofDays(1));
        assertEquals(2, store.sessions().listLive(user.id(), PageRequest.first()).items().size());
        clock.advance(Duration.ofMinutes(1));
        assertEquals(List.of(longLived), store.sessions().listLive(user.id(), PageRequest.first()).items());
        assertEquals(List.of(shortLived, longLived), store.sessions().list(user.id(), PageRequest.first()).items());
    }

    @Test
    void updateExtendsTheSessionAndMarksActivity() {
        User user = newUser("Traveller");
        UserSession session = open(user, Duration.ofMinutes(10));
        clock.advance(Duration.ofMinutes(5));
        Instant newExpiry = clock.instant().plus(Duration.ofHours(2));
        UserSession extended = store.sessions().update(session.withExpiresAt(newExpiry).withDeviceInfo(null));
        assertEquals(newExpiry, extended.expiresAt());
        assertEquals(clock.instant(), extended.lastActiveAt());
        assertEquals(null, extended.deviceInfo());
        assertEquals(1, extended.version());
        assertEquals(extended, store.sessions().get(user.id(), session.id()));
        assertFailsAndWritesNothing(ConflictException.class, () -> store.sessions().update(session));
    }

    @Test
    void deviceInfoReadsBackInTheCanonicalFormAndJsonNullIsNoDeviceInfo() {
        User user = newUser("Traveller");
        Instant later = clock.instant().plus(Duration.ofHours(1));
        Json device = Json.parse("{\"zz\": -0.0, \"a\": 0.1000000000000000000001, \"big\": 123456789012345678901234567890,"
                + " \"é\": [1.50, 1e2, null, \"\\ud83d\\ude00\"], \"a\": 2.0, \"b\": {\"y\": 1, \"x\": -1.5e-3}}");
        String canonical = "{\"a\":2,\"b\":{\"x\":-0.0015,\"y\":1},\"zz\":0,\"é\":[1.5,100,null,\"\ud83d\ude00\"],"
                + "\"big\":123456789012345678901234567890}";
        assertEquals(canonical, device.toString());
        UserSession session = store.sessions().create(new NewUserSession(user.id(), device, null, null, later));
        UserSession read = store.sessions().get(user.id(), session.id());
        assertEquals(device, read.deviceInfo());
        assertEquals(canonical, read.deviceInfo().toString());
        assertEquals(session, read);

        Json precise = Json.parse("[0.1000000000000000000001, 123456789012345678901234567890, -" + "9".repeat(Json.MAX_INTEGER_DIGITS)
                + "." + "9".repeat(Json.MAX_FRACTION_DIGITS) + ", 1e-1000]");
        Json deep = Json.parse("[".repeat(Json.MAX_DEPTH - 1) + "{\"k\": 1}" + "]".repeat(Json.MAX_DEPTH - 1));
        for (Json value : List.of(precise, deep)) {
            UserSession updated = store.sessions().update(store.sessions().get(user.id(), session.id()).withDeviceInfo(value));
            assertEquals(value.toString(), store.sessions().get(user.id(), session.id()).deviceInfo().toString());
            assertEquals(updated, store.sessions().get(user.id(), session.id()));
        }

        UserSession withoutInfo = store.sessions().create(new NewUserSession(user.id(), Json.parse("null"), null, null, later));
        assertEquals(null, withoutInfo.deviceInfo());
        assertEquals(null, store.sessions().get(user.id(), withoutInfo.id()).deviceInfo());
        UserSession cleared = store.sessions().update(store.sessions().get(user.id(), session.id()).withDeviceInfo(Json.of(null)));
        assertEquals(null, store.sessions().get(user.id(), cleared.id()).deviceInfo());
    }

    @Test
    void hostileDeviceInfoIsRejectedWithNothingWritten() {
        User user = newUser("Traveller");
        Instant later = clock.instant().plus(Duration.ofHours(1));
        List<java.util.function.Supplier<Json>> hostile = List.of(
                () -> Json.of(Map.of("x", Double.NaN)),
                () -> Json.of(List.of(Double.NEGATIVE_INFINITY)),
                () -> Json.parse("{\"x\": 1e200000}"),
                () -> Json.parse("[1e-1001]"),
                () -> Json.parse("{\"s\": \"\\u0000\"}"),
                () -> Json.parse("{\"\\u0000\": 1}"),
                () -> Json.parse("{\"s\": \"\\ud83d\"}"),
                () -> Json.of(Map.of("\ude00", 1)),
                () -> Json.parse("[".repeat(Json.MAX_DEPTH + 1) + "]".repeat(Json.MAX_DEPTH + 1)),
                () -> Json.parse("[".repeat(100_000) + "]".repeat(100_000)));
        for (java.util.function.Supplier<Json> value : hostile) {
            assertInvalid("json", () -> store.sessions().create(new NewUserSession(user.id(), value.get(), null, null, later)));
        }
    }

    @Test
    void anotherUsersSessionIsNotFound() {
        User owner = newUser("Owner");
        User intruder = newUser("Intruder");
        UserSession session = open(owner, Duration.ofHours(1));
        assertThrows(NotFoundException.class, () -> store.sessions().get(intruder.id(), session.id()));
        assertTrue(store.sessions().find(intruder.id(), session.id()).isEmpty());
        UserSession forged = new UserSession(session.id(), intruder.id(), null, null, null, session.createdAt(),
                session.expiresAt(), session.lastActiveAt(), session.version());
        assertFailsAndWritesNothing(NotFoundException.class, () -> store.sessions().update(forged));
        assertFailsAndWritesNothing(NotFoundException.class, () -> store.sessions().delete(intruder.id(), session.id()));
        store.sessions().delete(owner.id(), session.id());
        assertTrue(store.sessions().find(owner.id(), session.id()).isEmpty());
    }

    @Test
    void badInputIsRejectedNamingTheField() {
        User user = newUser("Traveller");
        Instant later = clock.instant().plusSeconds(60);
        assertInvalid("expiresAt", () -> store.sessions().create(new NewUserSession(user.id(), null, null, null, clock.instant())));
        assertInvalid("expiresAt", () -> store.sessions().create(new NewUserSession(user.id(), null, null, null, null)));
        assertInvalid("ipAddress", () -> store.sessions().create(new NewUserSession(user.id(), null, "999.1.1.1", null, later)));
        assertInvalid("ipAddress", () -> store.sessions().create(new NewUserSession(user.id(), null, "localhost; rm -rf /", null, later)));
        assertInvalid("userAgent", () -> store.sessions().create(new NewUserSession(user.id(), null, null, "u".repeat(1001), later)));
        assertInvalid("userId", () -> store.sessions().create(new NewUserSession(null, null, null, null, later)));
        assertInvalid("json", () -> Json.parse("{\"unterminated\": "));
        assertInvalid("json", () -> Json.parse("{\"nul\": \"\\u0000\"}"));
        assertInvalid("sessionId", () -> store.sessions().get(user.id(), SessionId.parse("")));
        assertFailsAndWritesNothing(NotFoundException.class,
                () -> store.sessions().create(new NewUserSession(UserId.generate(), null, null, null, later)));
    }
}
