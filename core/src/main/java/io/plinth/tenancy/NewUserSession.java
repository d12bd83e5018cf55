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

    /**
     * A builder of a {@code NewUserSession}: each component is set by its name, so that two values of one
     * type cannot change places unnoticed.
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Sets the components of a {@link NewUserSession} by name. A component not set is null, false or 0;
     * {@link #build()} validates as the canonical constructor does. Not thread-safe; one builder may
     * build several records.
     */
    public static final class Builder {
        private UserId userId;
        private Json deviceInfo;
        private String ipAddress;
        private String userAgent;
        private Instant expiresAt;

        private Builder() {
        }

        /** Sets {@link NewUserSession#userId()}. */
        public Builder userId(UserId userId) {
            this.userId = userId;
            return this;
        }

        /** Sets {@link NewUserSession#deviceInfo()}. */
        public Builder deviceInfo(Json deviceInfo) {
            this.deviceInfo = deviceInfo;
            return this;
        }

        /** Sets {@link NewUserSession#ipAddress()}. */
        public Builder ipAddress(String ipAddress) {
            this.ipAddress = ipAddress;
            return this;
        }

        /** Sets {@link NewUserSession#userAgent()}. */
        public Builder userAgent(String userAgent) {
            this.userAgent = userAgent;
            return this;
        }

        /** Sets {@link NewUserSession#expiresAt()}. */
        public Builder expiresAt(Instant expiresAt) {
            this.expiresAt = expiresAt;
            return this;
        }

        /**
         * The {@code NewUserSession} of the components set.
         *
         * @throws io.plinth.core.InvalidInputException naming the component that breaks a rule
         */
        public NewUserSession build() {
            return new NewUserSession(userId, deviceInfo, ipAddress, userAgent, expiresAt);
        }
    }
}
