package io.plinth.postgres.memory;

import io.plinth.core.ConflictException;
import io.plinth.core.Ids;
import io.plinth.core.InvalidInputException;
import io.plinth.core.NotFoundException;
import io.plinth.core.table.Column;
import io.plinth.memory.Concept;
import io.plinth.memory.ConceptId;
import io.plinth.memory.ConceptRepository;
import io.plinth.memory.ConceptStatus;
import io.plinth.memory.Cycle;
import io.plinth.memory.MemoryTables;
import io.plinth.memory.NewConcept;
import io.plinth.postgres.PgCrudRepository;
import io.plinth.tenancy.UserId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import io.plinth.postgres.PgSession;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * {@link ConceptRepository} on table {@code concepts}, with the cycle columns of {@code users}.
 *
 * <p><b>Merges under concurrency.</b> A merge locks {@code from} and every concept on {@code into}'s
 * merge chain with one {@code SELECT … FOR UPDATE} ordered by {@code concept_id}, then reads the chain
 * again: if it still runs through locked concepts only, no other transaction can change it until this
 * one ends, and the checks and the update run on it. Otherwise (a concept of the chain was merged in
 * between) the newly met concepts are locked too and the chain read again. Two merges that share a
 * concept therefore run one after the other, and the second sees what the first did: a merge that
 * would close a cycle is refused. Locking in one order keeps the first round free of deadlocks; the
 * rare later round may deadlock with another merge, which PostgreSQL breaks and the store retries
 * (a {@link io.plinth.core.RetryableException} runs the unit of work again).
 *
 * <p><b>Cycle counter.</b> {@link #create} inserts the concept, then adds one to the owner's
 * {@code users.concepts_created_in_cycle} in the same transaction ({@code UPDATE … SET n = n + 1}
 * takes the user's row lock, so concurrent creations count exactly).
 */
public final class PgConceptRepository extends PgCrudRepository<UserId, ConceptId, NewConcept, Concept>
        implements ConceptRepository {
    private static final String COLUMNS = MemoryTables.CONCEPTS.columns().stream().map(Column::name)
            .collect(Collectors.joining(", "));
    private static final String C_COLUMNS = MemoryTables.CONCEPTS.columns().stream().map(c -> "c." + c.name())
            .collect(Collectors.joining(", "));

    /** The merge chain of {@code :id} within the user, in chain order; stops at a repeated concept. */
    private static final String CHAIN = "WITH RECURSIVE chain AS ("
            + " SELECT " + COLUMNS + ", 0 AS depth, ARRAY[concept_id] AS path FROM concepts"
            + " WHERE concept_id = :id AND user_id = :user"
            + " UNION ALL"
            + " SELECT " + C_COLUMNS + ", chain.depth + 1, chain.path || c.concept_id"
            + " FROM chain JOIN concepts c ON c.concept_id = chain.merged_into_concept_id AND c.user_id = :user"
            + " WHERE c.concept_id <> ALL (chain.path))"
            + " SELECT " + COLUMNS + " FROM chain ORDER BY depth";

    private static final String LOCK = "SELECT " + COLUMNS + " FROM concepts"
            + " WHERE user_id = :user AND concept_id = ANY (CAST(:ids AS uuid[])) ORDER BY concept_id FOR UPDATE";

    private static final String MERGE = "UPDATE concepts SET status = :status, merged_into_concept_id = :target,"
            + " last_updated_ts = :now, version = version + 1"
            + " WHERE concept_id = :id AND user_id = :user RETURNING " + COLUMNS;

    private static final String COUNT = "UPDATE users SET concepts_created_in_cycle = concepts_created_in_cycle + 1"
            + " WHERE user_id = :user";

    private static final String START_CYCLE = "UPDATE users SET last_cycle_started_at = :now, concepts_created_in_cycle = 0"
            + " WHERE user_id = :user RETURNING user_id, last_cycle_started_at, concepts_created_in_cycle";

    private static final String CYCLE = "SELECT user_id, last_cycle_started_at, concepts_created_in_cycle"
            + " FROM users WHERE user_id = :user";

    private static final RowMapper<Cycle> CYCLE_MAPPER = (rs, ctx) -> {
        OffsetDateTime started = rs.getObject("last_cycle_started_at", OffsetDateTime.class);
        return new Cycle(new UserId(rs.getObject("user_id", UUID.class)), started == null ? null : started.toInstant(),
                rs.getInt("concepts_created_in_cycle"));
    };

    public PgConceptRepository(PgSession session, Supplier<Instant> now) {
        super(session, MemoryTables.CONCEPTS, now);
    }

    @Override
    public Concept create(NewConcept request) {
        Concept created = super.create(request);
        handle().createUpdate(COUNT).bind("now", created.createdAt()).bind("user", created.userId().value()).execute();
        return created;
    }

    @Override
    public Concept update(Concept row) {
        Concept.checkKey(row.name(), row.type());
        return super.update(row);
    }

    @Override
    public Concept merge(UserId userId, ConceptId from, ConceptId into) {
        if (from.equals(into)) {
            throw new InvalidInputException("into", "must be another concept than from (a concept cannot be merged into itself)");
        }
        UUID user = userId.value();
        Set<UUID> ids = new TreeSet<>(Ids.ORDER);
        ids.add(from.value());
        chain(user, into).forEach(c -> ids.add(c.id().value()));
        Map<UUID, Concept> locked;
        List<Concept> chain;
        while (true) {
            locked = lock(user, ids);
            chain = chain(user, into);
            Set<UUID> met = chain.stream().map(c -> c.id().value()).collect(Collectors.toSet());
            if (ids.containsAll(met)) {
                break;
            }
            ids.addAll(met);
        }
        Concept source = locked.get(from.value());
        if (source == null) {
            throw new NotFoundException("concept", from);
        }
        if (chain.isEmpty()) {
            throw new NotFoundException("concept", into);
        }
        if (source.mergedIntoConceptId() != null) {
            throw new ConflictException("concept " + source.id() + " is already merged into " + source.mergedIntoConceptId());
        }
        Concept target = end(chain, into);
        if (target.id().equals(from)) {
            throw new ConflictException("concept " + from + " cannot be merged into " + into
                    + ": the merge chain of " + into + " ends at " + from);
        }
        return handle().createQuery(MERGE).bind("status", ConceptStatus.MERGED.spelling()).bind("target", target.id().value())
                .bind("now", now.get()).bind("id", from.value()).bind("user", user).map(sql.mapper()).one();
    }

    @Override
    public Concept resolve(UserId userId, ConceptId id) {
        List<Concept> chain = chain(userId.value(), id);
        if (chain.isEmpty()) {
            throw new NotFoundException("concept", id);
        }
        return end(chain, id);
    }

    @Override
    public Cycle startCycle(UserId userId) {
        return handle().createQuery(START_CYCLE).bind("now", now.get()).bind("user", userId.value()).map(CYCLE_MAPPER)
                .findOne().orElseThrow(() -> new NotFoundException("user", userId));
    }

    @Override
    public Cycle cycle(UserId userId) {
        return handle().createQuery(CYCLE).bind("user", userId.value()).map(CYCLE_MAPPER).findOne()
                .orElseThrow(() -> new NotFoundException("user", userId));
    }

    /** The concepts of {@code id}'s merge chain in the user, in order, read in one statement. */
    private List<Concept> chain(UUID user, ConceptId id) {
        return handle().createQuery(CHAIN).bind("id", id.value()).bind("user", user).map(sql.mapper()).list();
    }

    /** Locks the user's concepts among {@code ids} in id order; returns them by id. */
    private Map<UUID, Concept> lock(UUID user, Set<UUID> ids) {
        List<String> texts = ids.stream().map(UUID::toString).toList();
        Map<UUID, Concept> rows = new HashMap<>();
        handle().createQuery(LOCK).bind("user", user).bindArray("ids", String.class, texts).map(sql.mapper())
                .forEach(c -> rows.put(c.id().value(), c));
        return rows;
    }

    /** The first concept of a chain that is not merged into another. */
    private static Concept end(List<Concept> chain, ConceptId start) {
        for (Concept c : chain) {
            if (c.mergedIntoConceptId() == null) {
                return c;
            }
        }
        throw new ConflictException("the merge chain of concept " + start + " does not end at a live concept of its user");
    }
}
