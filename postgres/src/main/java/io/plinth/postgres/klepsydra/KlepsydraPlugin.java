package io.plinth.postgres.klepsydra;

import io.plinth.klepsydra.PulseProfile;
import io.plinth.postgres.sql.Columns;
import io.plinth.tenancy.UserId;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.spi.JdbiPlugin;

/** Registers the row mapper of the Klepsydra context. */
public final class KlepsydraPlugin implements JdbiPlugin {
    @Override
    public void customizeJdbi(Jdbi jdbi) {
        jdbi.registerRowMapper(PulseProfile.class, (rs, ctx) -> new PulseProfile(
                Columns.id(rs, "user_id", UserId::new), rs.getInt("consecutive_losses"),
                Columns.instant(rs, "last_event_timestamp"), rs.getDouble("frustration"), rs.getDouble("flow_state"),
                rs.getDouble("risk_aversion"), Columns.instant(rs, "updated_at"), rs.getLong("version")));
    }
}
