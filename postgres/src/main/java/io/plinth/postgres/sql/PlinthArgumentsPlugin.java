package io.plinth.postgres.sql;

import io.plinth.core.Json;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.spi.JdbiPlugin;
import org.postgresql.util.PGobject;

/**
 * Binds Plinth's value types the way the schema stores them: {@link Instant} as a UTC
 * {@code timestamptz} (an {@link OffsetDateTime}, never through the JVM's time zone) and
 * {@link Json} as {@code jsonb}, and {@link UUID} (how typed ids are bound) as {@code uuid}, also
 * when null.
 */
public final class PlinthArgumentsPlugin implements JdbiPlugin {
    @Override
    public void customizeJdbi(Jdbi jdbi) {
        jdbi.registerArgument(new InstantArgumentFactory());
        jdbi.registerArgument(new JsonArgumentFactory());
        jdbi.registerArgument(new UuidArgumentFactory());
    }

    private static final class UuidArgumentFactory extends AbstractArgumentFactory<UUID> {
        UuidArgumentFactory() {
            super(Types.OTHER);
        }

        @Override
        protected Argument build(UUID value, ConfigRegistry config) {
            return (position, statement, context) -> statement.setObject(position, value);
        }
    }

    private static final class InstantArgumentFactory extends AbstractArgumentFactory<Instant> {
        InstantArgumentFactory() {
            super(Types.TIMESTAMP_WITH_TIMEZONE);
        }

        @Override
        protected Argument build(Instant value, ConfigRegistry config) {
            OffsetDateTime utc = value.atOffset(ZoneOffset.UTC);
            return (position, statement, context) -> statement.setObject(position, utc);
        }
    }

    private static final class JsonArgumentFactory extends AbstractArgumentFactory<Json> {
        JsonArgumentFactory() {
            super(Types.OTHER);
        }

        @Override
        protected Argument build(Json value, ConfigRegistry config) {
            return (position, statement, context) -> statement.setObject(position, jsonb(value));
        }

        private static PGobject jsonb(Json value) throws SQLException {
            PGobject object = new PGobject();
            object.setType("jsonb");
            object.setValue(value.toString());
            return object;
        }
    }
}
