package io.plinth.postgres.klepsydra;

import io.plinth.klepsydra.PulseProfile;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** SQL of {@link PgPulseProfileRepository}. */
interface PulseProfileDao {
    String COLUMNS = "user_id, consecutive_losses, last_event_timestamp, frustration, flow_state, risk_aversion, "
            + "updated_at, version";

    @SqlQuery("INSERT INTO pulse_profiles (user_id, updated_at) VALUES (:userId, :now) RETURNING " + COLUMNS)
    PulseProfile insert(@Bind("userId") UUID userId, @Bind("now") Instant now);

    @SqlQuery("SELECT " + COLUMNS + " FROM pulse_profiles WHERE user_id = :userId")
    Optional<PulseProfile> find(@Bind("userId") UUID userId);

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM pulse_profiles WHERE user_id = :userId)")
    boolean exists(@Bind("userId") UUID userId);

    @SqlQuery("UPDATE pulse_profiles SET consecutive_losses = :losses, last_event_timestamp = :lastEvent, "
            + "frustration = :frustration, flow_state = :flowState, risk_aversion = :riskAversion, "
            + "updated_at = :now, version = version + 1 "
            + "WHERE user_id = :userId AND version = :version RETURNING " + COLUMNS)
    Optional<PulseProfile> update(@Bind("userId") UUID userId, @Bind("version") long version, @Bind("losses") int losses,
                                  @Bind("lastEvent") Instant lastEvent, @Bind("frustration") double frustration,
                                  @Bind("flowState") double flowState, @Bind("riskAversion") double riskAversion,
                                  @Bind("now") Instant now);
}
