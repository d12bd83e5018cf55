package io.plinth.postgres.tenancy;

import io.plinth.core.Json;
import io.plinth.tenancy.UserSession;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL of {@link PgUserSessionRepository}. Every statement is scoped by {@code user_id}. */
interface UserSessionDao {
    String COLUMNS = "session_id, user_id, device_info, ip_address, user_agent, created_at, expires_at, "
            + "last_active_at, version";

    @SqlQuery("INSERT INTO user_sessions (session_id, user_id, device_info, ip_address, user_agent, created_at, "
            + "expires_at, last_active_at, version) "
            + "VALUES (:id, :userId, :deviceInfo, :ipAddress, :userAgent, :now, :expiresAt, :now, 0) RETURNING " + COLUMNS)
    UserSession insert(@Bind("id") UUID id, @Bind("userId") UUID userId, @Bind("deviceInfo") Json deviceInfo,
                       @Bind("ipAddress") String ipAddress, @Bind("userAgent") String userAgent,
                       @Bind("expiresAt") Instant expiresAt, @Bind("now") Instant now);

    @SqlQuery("SELECT " + COLUMNS + " FROM user_sessions WHERE user_id = :userId AND session_id = :id")
    Optional<UserSession> find(@Bind("userId") UUID userId, @Bind("id") UUID id);

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM user_sessions WHERE user_id = :userId AND session_id = :id)")
    boolean exists(@Bind("userId") UUID userId, @Bind("id") UUID id);

    /** Saves device info and expiry and marks the session active now. */
    @SqlQuery("UPDATE user_sessions SET device_info = :deviceInfo, expires_at = :expiresAt, last_active_at = :now, "
            + "version = version + 1 "
            + "WHERE user_id = :userId AND session_id = :id AND version = :version RETURNING " + COLUMNS)
    Optional<UserSession> update(@Bind("userId") UUID userId, @Bind("id") UUID id, @Bind("version") long version,
                                 @Bind("deviceInfo") Json deviceInfo, @Bind("expiresAt") Instant expiresAt,
                                 @Bind("now") Instant now);

    @SqlUpdate("DELETE FROM user_sessions WHERE user_id = :userId AND session_id = :id")
    int delete(@Bind("userId") UUID userId, @Bind("id") UUID id);

    @SqlQuery("SELECT " + COLUMNS + " FROM user_sessions WHERE user_id = :userId AND session_id > :after "
            + "ORDER BY session_id LIMIT :limit")
    List<UserSession> list(@Bind("userId") UUID userId, @Bind("after") UUID after, @Bind("limit") int limit);

    @SqlQuery("SELECT " + COLUMNS + " FROM user_sessions WHERE user_id = :userId AND expires_at > :now "
            + "AND session_id > :after ORDER BY session_id LIMIT :limit")
    List<UserSession> listLive(@Bind("userId") UUID userId, @Bind("now") Instant now, @Bind("after") UUID after,
                               @Bind("limit") int limit);
}
