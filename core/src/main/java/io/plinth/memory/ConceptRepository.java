package io.plinth.memory;

import io.plinth.core.CrudRepository;
import io.plinth.core.ReadOnly;
import io.plinth.tenancy.UserId;

/**
 * A user's {@link Concept} rows, their merge chains and the user's concept cycle.
 *
 * <p><b>Unique per user, name and type.</b> {@link #create} and {@link #update} throw a
 * {@link io.plinth.core.ConflictException} saying {@code concept <name> of type <type> already exists}
 * when the user has that concept already — the same words on every store, naming only the caller's
 * own values (only the user's own concepts can conflict). A name and type wider together than
 * {@link Concept#MAX_KEY_BYTES} bytes of UTF-8 (more than the unique index holds) are an
 * {@link io.plinth.core.InvalidInputException} on {@code type}, when the {@link NewConcept} is made
 * or, for {@link #update}, before anything is read.
 *
 * <p><b>Merge chains.</b> {@link #merge merge(user, a, b)} makes {@code a} {@link ConceptStatus#MERGED
 * merged}, pointing at the end of {@code b}'s chain. Chains only grow at their live end and never
 * close into a cycle, also under concurrent merges; {@link #resolve} follows one to its live concept.
 * Concepts merged into {@code a} earlier keep pointing at {@code a}, so their chain now runs through
 * {@code a} to {@code b}. A concept other concepts were merged into cannot be deleted (the seed's
 * {@code onDelete: NoAction}): {@link #delete} throws a {@link io.plinth.core.ConflictException}
 * ({@code concept <id> is still referenced}). Deleting the user deletes all their concepts, chains
 * included.
 *
 * <p><b>Cycles.</b> {@link #create} adds one to the user's {@code concepts_created_in_cycle} in the
 * same unit of work: a refused creation or a rolled-back unit of work counts nothing, and
 * concurrent creations count exactly. {@link #startCycle} starts a new cycle.
 */
public interface ConceptRepository extends CrudRepository<UserId, ConceptId, NewConcept, Concept> {
    /**
     * Merges concept {@code from} into concept {@code into}: {@code from} becomes
     * {@link ConceptStatus#MERGED merged}, its {@code mergedIntoConceptId} the end of {@code into}'s
     * merge chain ({@code into} itself unless {@code into} was merged already), with the next version
     * and the store's time as {@code lastUpdatedTs}. An archived concept may be merged, and merged
     * into. The checks run in the order the {@code @throws} below list them, on every store.
     *
     * @return {@code from} as stored now
     * @throws io.plinth.core.InvalidInputException on {@code into} when {@code into} is {@code from}
     *         (decided on the arguments alone, before any read)
     * @throws io.plinth.core.NotFoundException when {@code from}, then {@code into}, is not a concept of
     *         the user (another user's concept is not found)
     * @throws io.plinth.core.ConflictException when {@code from} is merged already ({@code concept <from>
     *         is already merged into <target>}), or when {@code into}'s chain ends at {@code from}: the
     *         merge would close a cycle ({@code concept <from> cannot be merged into <into>: the merge
     *         chain of <into> ends at <from>}). Concurrent merges of one user are serialized, so of two
     *         merges that together would close a cycle, the second one is refused this way.
     */
    Concept merge(UserId userId, ConceptId from, ConceptId into);

    /**
     * The live concept at the end of {@code id}'s merge chain: the first concept on it that is not
     * merged into another (the concept itself when it is not merged).
     *
     * @throws io.plinth.core.NotFoundException when {@code id} is not a concept of the user
     */
    @ReadOnly
    Concept resolve(UserId userId, ConceptId id);

    /**
     * Starts a new cycle for the user: {@code lastCycleStartedAt} becomes the store's time and
     * {@code conceptsCreatedInCycle} 0.
     *
     * @return the new cycle
     * @throws io.plinth.core.NotFoundException when the user does not exist
     */
    Cycle startCycle(UserId userId);

    /**
     * The user's current cycle ({@code lastCycleStartedAt} null and the concepts created since the user
     * was created, when no cycle was ever started).
     *
     * @throws io.plinth.core.NotFoundException when the user does not exist
     */
    @ReadOnly
    Cycle cycle(UserId userId);
}
