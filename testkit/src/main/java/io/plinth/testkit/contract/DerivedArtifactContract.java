package io.plinth.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.plinth.memory.ArtifactType;
import io.plinth.memory.Concept;
import io.plinth.memory.ConceptId;
import io.plinth.memory.DerivedArtifact;
import io.plinth.memory.MemoryUnit;
import io.plinth.memory.MemoryUnitId;
import io.plinth.memory.NewConcept;
import io.plinth.memory.NewDerivedArtifact;
import io.plinth.memory.NewMemoryUnit;
import io.plinth.tenancy.UserId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Derived artifacts (seed 004) on every backend: their sources are a memory unit and a concept of
 * the same user, and deleting a source clears the reference and keeps the artifact.
 */
public abstract class DerivedArtifactContract extends StoreContract {

    private MemoryUnit memoryUnit(UserId user) {
        return store.memoryUnits().create(new NewMemoryUnit(user, "Walk", "In the park", Instant.parse("2024-05-01T08:00:00Z"),
                null, null, null));
    }

    private Concept concept(UserId user, String name) {
        return store.concepts().create(new NewConcept(user, name, "topic", null, null, null));
    }

    private DerivedArtifact artifact(UserId user, MemoryUnitId unit, ConceptId concept) {
        return store.artifacts().create(new NewDerivedArtifact(user, ArtifactType.INSIGHT_SUMMARY, "Insight", "You like parks",
                null, unit, concept));
    }

    @Test
    void deletingTheSourceMemoryUnitClearsItAndKeepsTheArtifact() {
        UserId user = newUser("Ada").id();
        MemoryUnit unit = memoryUnit(user);
        Concept concept = concept(user, "Parks");
        DerivedArtifact artifact = artifact(user, unit.id(), concept.id());
        store.memoryUnits().delete(user, unit.id());
        assertEquals(artifact.withSourceMemoryUnitId(null), store.artifacts().get(user, artifact.id()));
    }

    @Test
    void deletingTheSourceConceptClearsItAndKeepsTheArtifact() {
        UserId user = newUser("Ada").id();
        MemoryUnit unit = memoryUnit(user);
        Concept concept = concept(user, "Parks");
        DerivedArtifact artifact = artifact(user, unit.id(), concept.id());
        DerivedArtifact other = artifact(user, unit.id(), concept(user, "Walks").id());
        store.concepts().delete(user, concept.id());
        assertEquals(artifact.withSourceConceptId(null), store.artifacts().get(user, artifact.id()));
        assertEquals(other, store.artifacts().get(user, other.id()));
    }

    @Test
    void anotherUsersSourcesAreRefused() {
        UserId user = newUser("Ada").id();
        UserId bob = newUser("Bob").id();
        MemoryUnit theirUnit = memoryUnit(bob);
        Concept theirConcept = concept(bob, "Parks");
        assertInvalid("sourceMemoryUnitId", () -> artifact(user, theirUnit.id(), null));
        assertInvalid("sourceConceptId", () -> artifact(user, null, theirConcept.id()));
        DerivedArtifact mine = artifact(user, memoryUnit(user).id(), concept(user, "Mine").id());
        assertInvalid("sourceMemoryUnitId", () -> store.artifacts().update(mine.withSourceMemoryUnitId(theirUnit.id())));
        assertInvalid("sourceConceptId", () -> store.artifacts().update(mine.withSourceConceptId(theirConcept.id())));
        assertInvalid("sourceConceptId", () -> artifact(user, null, ConceptId.generate()));
    }

    @Test
    void aMergedConceptMayStillBeASource() {
        UserId user = newUser("Ada").id();
        Concept a = concept(user, "A");
        Concept b = concept(user, "B");
        store.concepts().merge(user, a.id(), b.id());
        DerivedArtifact artifact = artifact(user, null, a.id());
        assertEquals(a.id(), store.artifacts().get(user, artifact.id()).sourceConceptId());
    }
}
