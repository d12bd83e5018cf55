package io.plinth.tenancy;

import io.plinth.core.Check;
import io.plinth.core.Json;
import java.time.Instant;

/**
 * What it takes to open a {@link UserSession}.
 *
 * @param deviceInfo optional JSON about the device
 * @param ipAddress  optional IPv4 or IPv6 address in text form
 * @param userAgent  optional, at most 1000 characters
 * @param expiresAt  required; must lie in the future when the session is created
 */
public record NewUserSession(UserId userId, Json deviceInfo, String ipAddress, String userAgent, Instant expiresAt) {
    public NewUserSession {
        Check.required("userId", userId);
        deviceInfo = Json.absentIfNull(deviceInfo);
        UserSession.validate(ipAddress, userAgent, expiresAt);
        expiresAt = Check.instant("expiresAt", expiresAt);
    }
}
