package io.plinth.tenancy;

import io.plinth.core.Check;
import io.plinth.core.Json;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * A signed-in session of a user (seed 004's {@code user_sessions}). A session is live until
 * {@code expiresAt}; {@code lastActiveAt} moves on each update.
 *
 * @param version optimistic-lock version; an update must carry the version it read
 */
public record UserSession(SessionId id, UserId userId, Json deviceInfo, String ipAddress, String userAgent,
                          Instant createdAt, Instant expiresAt, Instant lastActiveAt, long version) {
    private static final Pattern IP = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1?\\d?\\d)|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    public UserSession {
        Check.required("id", id);
        Check.required("userId", userId);
        deviceInfo = Json.absentIfNull(deviceInfo);
        validate(ipAddress, userAgent, expiresAt);
        expiresAt = Check.instant("expiresAt", expiresAt);
        Check.required("createdAt", createdAt);
        Check.required("lastActiveAt", lastActiveAt);
        Check.version(version);
    }

    static void validate(String ipAddress, String userAgent, Instant expiresAt) {
        if (ipAddress != null) {
            Check.matches("ipAddress", ipAddress, 45, IP, "must be an IPv4 or IPv6 address");
        }
        Check.optionalText("userAgent", userAgent, 1000);
        Check.required("expiresAt", expiresAt);
    }

    /** Whether the session is still live at {@code now}. */
    public boolean isLiveAt(Instant now) {
        return expiresAt.isAfter(now);
    }

    public UserSession withExpiresAt(Instant newExpiry) {
        return new UserSession(id, userId, deviceInfo, ipAddress, userAgent, createdAt, newExpiry, lastActiveAt, version);
    }

    public UserSession withDeviceInfo(Json newDeviceInfo) {
        return new UserSession(id, userId, newDeviceInfo, ipAddress, userAgent, createdAt, expiresAt, lastActiveAt, version);
    }
}
