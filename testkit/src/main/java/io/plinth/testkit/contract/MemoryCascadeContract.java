package io.plinth.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plinth.core.NotFoundException;
import io.plinth.core.PageRequest;
import io.plinth.memory.ArtifactType;
import io.plinth.memory.Concept;
import io.plinth.memory.Conversation;
import io.plinth.memory.Cycle;
import io.plinth.memory.MediaType;
import io.plinth.memory.MemoryUnit;
import io.plinth.memory.NewCommunity;
import io.plinth.memory.NewConcept;
import io.plinth.memory.NewConversation;
import io.plinth.memory.NewDerivedArtifact;
import io.plinth.memory.NewMedia;
import io.plinth.memory.NewMemoryUnit;
import io.plinth.tenancy.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Deleting a user (seed 004's {@code onDelete: Cascade} from {@code users}) on every backend: all
 * their memory units, concepts — merge chains included, whatever the order of their ids — media,
 * derived artifacts and their cycle go, in one call; another user's rows stay exactly as they were.
 */
public abstract class MemoryCascadeContract extends StoreContract {

    /** Gives {@code user} a bit of everything, with merge chains pointing both ways in id order. */
    private void knowledge(UserId user, String hash) {
        store.concepts().startCycle(user);
        Conversation conversation = store.conversations().create(new NewConversation(user, "Chat", null, null, null, null));
        MemoryUnit unit = store.memoryUnits().create(new NewMemoryUnit(user, "Memory", "Content",
                Instant.parse("2024-01-01T00:00:00Z"), null, null, conversation.id()));
        var community = store.communities().create(new NewCommunity(user, "Cluster", null));
        List<Concept> concepts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            concepts.add(store.concepts().create(new NewConcept(user, "C" + i, "topic", null, null, community.id())));
        }
        store.concepts().merge(user, concepts.get(1).id(), concepts.get(0).id()); // into an older concept
        store.concepts().merge(user, concepts.get(2).id(), concepts.get(4).id()); // into a newer concept
        store.concepts().merge(user, concepts.get(4).id(), concepts.get(3).id()); // a chain 2 -> 4 -> 3
        store.media().create(new NewMedia(user, unit.id(), MediaType.AUDIO, "s3://bucket/a.mp3", null, null, null, hash, null));
        store.artifacts().create(new NewDerivedArtifact(user, ArtifactType.CYCLE_REPORT, "Report", null, null, unit.id(),
                concepts.get(2).id()));
    }

    private List<Object> rowsOf(UserId user) {
        PageRequest all = PageRequest.first(PageRequest.MAX_LIMIT);
        List<Object> rows = new ArrayList<>();
        rows.addAll(store.conversations().list(user, all).items());
        rows.addAll(store.memoryUnits().list(user, all).items());
        rows.addAll(store.communities().list(user, all).items());
        rows.addAll(store.concepts().list(user, all).items());
        rows.addAll(store.media().list(user, all).items());
        rows.addAll(store.artifacts().list(user, all).items());
        return rows;
    }

    @Test
    void deletingAUserDeletesAllTheirKnowledgeAndNothingOfAnotherUser() {
        UserId ada = newUser("Ada").id();
        UserId bob = newUser("Bob").id();
        knowledge(ada, "sha256:ada");
        knowledge(bob, "sha256:bob");
        List<Object> bobs = rowsOf(bob);
        Cycle bobsCycle = store.concepts().cycle(bob);
        assertEquals(5, store.concepts().cycle(ada).conceptsCreatedInCycle());
        assertFalse(rowsOf(ada).isEmpty());

        store.users().delete(ada);

        assertTrue(rowsOf(ada).isEmpty(), "nothing of the deleted user is left");
        assertThrows(NotFoundException.class, () -> store.concepts().cycle(ada));
        assertEquals(bobs, rowsOf(bob), "another user's rows are exactly as they were");
        assertEquals(bobsCycle, store.concepts().cycle(bob));
    }

    @Test
    void aDeletedUsersHashIsFreeAgain() {
        UserId ada = newUser("Ada").id();
        knowledge(ada, "sha256:same");
        store.users().delete(ada);
        UserId bob = newUser("Bob").id();
        store.media().create(new NewMedia(bob, null, MediaType.IMAGE, "s3://bucket/b.png", null, null, null, "sha256:same", null));
    }

    @Test
    void aUserWhoseConceptsAreMergedIntoEachOtherIsDeletedInOneUnitOfWork() {
        UserId ada = newUser("Ada").id();
        knowledge(ada, "sha256:ada");
        store.inTransaction(tx -> {
            tx.users().delete(ada);
            return null;
        });
        assertTrue(rowsOf(ada).isEmpty());
    }
}
