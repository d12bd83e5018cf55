package io.plinth.testkit.memory;

import io.plinth.core.ConflictException;
import io.plinth.core.InvalidInputException;
import io.plinth.core.NotFoundException;
import io.plinth.core.table.Row;
import io.plinth.memory.Concept;
import io.plinth.memory.ConceptId;
import io.plinth.memory.ConceptRepository;
import io.plinth.memory.ConceptStatus;
import io.plinth.memory.Cycle;
import io.plinth.memory.MemoryTables;
import io.plinth.memory.NewConcept;
import io.plinth.tenancy.TenancyTables;
import io.plinth.tenancy.User;
import io.plinth.tenancy.UserId;
import io.plinth.testkit.MemCrudRepository;
import io.plinth.testkit.MemTable;
import io.plinth.testkit.Tables;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * In-memory {@link ConceptRepository}: the generic rows of {@code concepts}, merge chains, and the
 * cycle columns of the user's row in {@code users}. The store runs one unit of work
 * at a time, so merges need no locks here.
 */
public final class MemConceptRepository extends MemCrudRepository<UserId, ConceptId, NewConcept, Concept>
        implements ConceptRepository {

    /** The rows of {@code users}, whose cycle columns this repository keeps. */
    private final MemTable<User> users;

    public MemConceptRepository(Tables tables, Supplier<Instant> now) {
        super(tables, MemoryTables.CONCEPTS, now);
        this.users = tables.table(TenancyTables.USERS);
    }

    @Override
    public Concept create(NewConcept request) {
        Concept created = super.create(request);
        User user = users.get(created.userId().value());
        users.replace(user, TenancyTables.USERS.with(user, "concepts_created_in_cycle",
                Math.addExact(user.conceptsCreatedInCycle(), 1)));
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
        Concept source = get(userId, from);
        Concept intoConcept = get(userId, into);
        if (source.mergedIntoConceptId() != null) {
            throw alreadyMerged(source);
        }
        Concept target = end(userId, intoConcept);
        if (target.id().equals(from)) {
            throw cycle(from, into);
        }
        Map<String, Object> values = table.values(source);
        values.put("status", ConceptStatus.MERGED.spelling());
        values.put("merged_into_concept_id", target.id().value());
        values.put("last_updated_ts", now.get());
        values.put("version", source.version() + 1);
        Concept merged = table.read(new Row(values));
        rows.replace(source, merged);
        return merged;
    }

    @Override
    public Concept resolve(UserId userId, ConceptId id) {
        return end(userId, get(userId, id));
    }

    @Override
    public Cycle startCycle(UserId userId) {
        User user = requireUser(userId);
        Map<String, Object> values = TenancyTables.USERS.values(user);
        values.put("last_cycle_started_at", now.get());
        values.put("concepts_created_in_cycle", 0);
        User started = TenancyTables.USERS.read(new Row(values));
        users.replace(user, started);
        return cycleOf(started);
    }

    @Override
    public Cycle cycle(UserId userId) {
        return cycleOf(requireUser(userId));
    }

    private User requireUser(UserId userId) {
        User user = users.get(userId.value());
        if (user == null) {
            throw new NotFoundException("user", userId);
        }
        return user;
    }

    private static Cycle cycleOf(User user) {
        return new Cycle(user.id(), user.lastCycleStartedAt(), user.conceptsCreatedInCycle());
    }

    /** The first concept on {@code start}'s merge chain that is not merged into another. */
    private Concept end(UserId userId, Concept start) {
        Set<UUID> seen = new HashSet<>();
        Concept at = start;
        while (at.mergedIntoConceptId() != null) {
            Concept next = rows.get(userId.value(), at.mergedIntoConceptId().value());
            if (!seen.add(at.id().value()) || next == null) {
                throw brokenChain(start.id());
            }
            at = next;
        }
        return at;
    }

    /** What merging a merged concept again says (the same words on every store). */
    private static ConflictException alreadyMerged(Concept source) {
        return new ConflictException("concept " + source.id() + " is already merged into " + source.mergedIntoConceptId());
    }

    /** What a merge that would close a cycle says (the same words on every store). */
    private static ConflictException cycle(ConceptId from, ConceptId into) {
        return new ConflictException("concept " + from + " cannot be merged into " + into
                + ": the merge chain of " + into + " ends at " + from);
    }

    /**
     * What a merge chain that never ends at a live concept of the user says: only rows written past
     * Plinth (a cycle, or a pointer to another user's concept) make one.
     */
    private static ConflictException brokenChain(ConceptId start) {
        return new ConflictException("the merge chain of concept " + start + " does not end at a live concept of its user");
    }
}
