package io.plinth.postgres.memory;

import io.plinth.core.Check;
import io.plinth.core.Ids;
import io.plinth.core.InvalidInputException;
import io.plinth.core.Json;
import io.plinth.core.Page;
import io.plinth.core.PageRequest;
import io.plinth.core.table.Column;
import io.plinth.memory.InteractionLog;
import io.plinth.memory.InteractionLogId;
import io.plinth.memory.InteractionLogRepository;
import io.plinth.memory.MemoryTables;
import io.plinth.memory.NewInteractionLog;
import io.plinth.postgres.PgCrudRepository;
import io.plinth.postgres.sql.SingleStatement;
import io.plinth.tenancy.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import io.plinth.postgres.PgSession;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * {@link InteractionLogRepository} on table {@code interaction_logs}. A batch is one statement,
 * {@link #APPEND_ALL}: one array per column, zipped by {@code unnest} — a fixed number of
 * parameters whatever the batch's size (a multi-row {@code VALUES} would need nine per log and
 * meet the protocol's limit of 65535 parameters).
 */
public final class PgInteractionLogRepository
        extends PgCrudRepository<UserId, InteractionLogId, NewInteractionLog, InteractionLog>
        implements InteractionLogRepository {
    /** Appends a batch: the arrays are the columns, one element per log, all of one length. */
    public static final String APPEND_ALL = "INSERT INTO interaction_logs (interaction_id, user_id, \"timestamp\","
            + " interaction_type, target_entity_id, target_entity_type, content_text, content_structured, metadata)"
            + " SELECT l.interaction_id, l.user_id, :at, l.interaction_type, l.target_entity_id, l.target_entity_type,"
            + " l.content_text, l.content_structured::jsonb, l.metadata::jsonb"
            + " FROM unnest(:ids::uuid[], :users::uuid[], :types::text[], :targetIds::text[], :targetTypes::text[],"
            + " :texts::text[], :structured::text[], :metadata::text[])"
            + " AS l(interaction_id, user_id, interaction_type, target_entity_id, target_entity_type, content_text,"
            + " content_structured, metadata)";

    private static final String COLUMNS = MemoryTables.INTERACTION_LOGS.columns().stream().map(Column::name)
            .map(name -> "\"" + name + "\"").collect(Collectors.joining(", "));
    private static final String BETWEEN = "SELECT " + COLUMNS + " FROM interaction_logs"
            + " WHERE user_id = :user AND \"timestamp\" >= :from AND \"timestamp\" < :to";
    private static final String ORDER = " ORDER BY \"timestamp\", interaction_id LIMIT <limit>";
    /** The first page of a user's logs in a time range. */
    public static final String LIST_BETWEEN = BETWEEN + ORDER;
    /** A following page: after the cursor's (timestamp, id), a row comparison the index serves. */
    public static final String LIST_BETWEEN_AFTER = BETWEEN
            + " AND (\"timestamp\", interaction_id) > (:afterAt, :afterId)" + ORDER;

    public PgInteractionLogRepository(PgSession session, Supplier<Instant> now) {
        super(session, MemoryTables.INTERACTION_LOGS, now);
    }

    @Override
    @SingleStatement
    public List<InteractionLog> appendAll(List<NewInteractionLog> logs) {
        if (logs.size() > MAX_BATCH) {
            throw new InvalidInputException("logs", "must hold at most " + MAX_BATCH + " logs");
        }
        for (NewInteractionLog log : logs) {
            if (log == null) {
                throw new InvalidInputException("logs", "must not hold null");
            }
        }
        if (logs.isEmpty()) {
            return List.of();
        }
        Instant at = now.get();
        List<InteractionLog> rows = new ArrayList<>(logs.size());
        for (NewInteractionLog log : logs) {
            rows.add(table.create(log, Ids.next(), at));
        }
        int inserted = handle().createUpdate(APPEND_ALL)
                .bind("at", at)
                // uuid arrays go in binary, text arrays as escaped text: ids as text were most of the client's work
                .bindArray("ids", UUID.class, column(rows, l -> l.id().value()))
                .bindArray("users", UUID.class, column(rows, l -> l.userId().value()))
                .bindArray("types", String.class, column(rows, InteractionLog::interactionType))
                .bindArray("targetIds", String.class, column(rows, InteractionLog::targetEntityId))
                .bindArray("targetTypes", String.class, column(rows, InteractionLog::targetEntityType))
                .bindArray("texts", String.class, column(rows, InteractionLog::contentText))
                .bindArray("structured", String.class, column(rows, l -> text(l.contentStructured())))
                .bindArray("metadata", String.class, column(rows, l -> text(l.metadata())))
                .execute();
        if (inserted != rows.size()) {
            throw new IllegalStateException("appended " + inserted + " of " + rows.size() + " interaction logs");
        }
        return List.copyOf(rows);
    }

    /** One column of the rows, in their order: one of the arrays {@link #APPEND_ALL} zips. */
    private static <T> List<T> column(List<InteractionLog> rows, Function<InteractionLog, T> column) {
        List<T> values = new ArrayList<>(rows.size());
        for (InteractionLog row : rows) {
            values.add(column.apply(row));
        }
        return values;
    }

    private static String text(Json json) {
        return json == null ? null : json.toString();
    }

    @Override
    public Page<InteractionLog> listBetween(UserId userId, Instant from, Instant to, PageRequest page) {
        Check.notAfter("from", from, "to", to);
        PageRequest.TimeKey after = page.afterTimeKey();
        Query query = handle().createQuery(after == null ? LIST_BETWEEN : LIST_BETWEEN_AFTER)
                .bind("user", userId.value()).bind("from", from).bind("to", to).define("limit", page.limit() + 1);
        if (after != null) {
            query.bind("afterAt", after.time()).bind("afterId", after.key());
        }
        List<InteractionLog> rows = query.map(sql.mapper()).list();
        return Page.ofTimeKey(rows, page.limit(), InteractionLog::timestamp, l -> l.id().value());
    }
}
