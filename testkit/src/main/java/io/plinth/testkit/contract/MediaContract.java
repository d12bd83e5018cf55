package io.plinth.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.plinth.core.ConflictException;
import io.plinth.memory.Media;
import io.plinth.memory.MediaType;
import io.plinth.memory.MemoryUnit;
import io.plinth.memory.MemoryUnitId;
import io.plinth.memory.NewMedia;
import io.plinth.memory.NewMemoryUnit;
import io.plinth.tenancy.UserId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Media items (seed 004) on every backend: attached to a memory unit of their own user only,
 * detached when it is deleted, and a hash unique across all users whose conflict names only the
 * caller's own hash.
 */
public abstract class MediaContract extends StoreContract {

    private MemoryUnit memoryUnit(UserId user) {
        return store.memoryUnits().create(new NewMemoryUnit(user, "Beach", "Sunny", Instant.parse("2024-08-01T10:00:00Z"),
                null, null, null));
    }

    private Media media(UserId user, MemoryUnitId unit, String hash) {
        return store.media().create(new NewMedia(user, unit, MediaType.IMAGE, "s3://bucket/beach.png", "beach.png",
                "image/png", 2048, hash, null));
    }

    @Test
    void mediaAttachToAMemoryUnitOfTheirUser() {
        UserId user = newUser("Ada").id();
        MemoryUnit unit = memoryUnit(user);
        Media media = media(user, unit.id(), "sha256:1");
        assertEquals(unit.id(), store.media().get(user, media.id()).memoryUnitId());
    }

    @Test
    void anotherUsersMemoryUnitIsRefused() {
        UserId user = newUser("Ada").id();
        MemoryUnit theirs = memoryUnit(newUser("Bob").id());
        assertInvalid("memoryUnitId", () -> media(user, theirs.id(), "sha256:1"));
        Media mine = media(user, null, "sha256:2");
        assertInvalid("memoryUnitId", () -> store.media().update(mine.withMemoryUnitId(theirs.id())));
        assertInvalid("memoryUnitId", () -> media(user, MemoryUnitId.generate(), "sha256:3"));
    }

    @Test
    void aHashStoredByAnotherUserIsAConflictThatNamesOnlyTheHash() {
        UserId ada = newUser("Ada").id();
        UserId bob = newUser("Bob").id();
        Media first = media(ada, memoryUnit(ada).id(), "sha256:e3b0c442, 98fc)=(1c14");
        ConflictException error = assertFailsAndWritesNothing(ConflictException.class,
                () -> media(bob, null, "sha256:e3b0c442, 98fc)=(1c14"));
        assertEquals("a media item with hash sha256:e3b0c442, 98fc)=(1c14 already exists", error.getMessage());
        assertFalse(error.getMessage().contains(ada.toString()));
        assertFalse(error.getMessage().contains(first.id().toString()));
    }

    @Test
    void aHashStoredTwiceByOneUserIsTheSameConflict() {
        UserId ada = newUser("Ada").id();
        media(ada, null, "sha256:abc");
        ConflictException error = assertFailsAndWritesNothing(ConflictException.class, () -> media(ada, null, "sha256:abc"));
        assertEquals("a media item with hash sha256:abc already exists", error.getMessage());
    }

    @Test
    void mediaWithoutAHashNeverConflict() {
        UserId ada = newUser("Ada").id();
        UserId bob = newUser("Bob").id();
        media(ada, null, null);
        media(ada, null, null);
        media(bob, null, null);
        assertEquals(2, store.media().list(ada, io.plinth.core.PageRequest.first()).items().size());
    }

    @Test
    void deletingTheMemoryUnitDetachesItsMedia() {
        UserId user = newUser("Ada").id();
        MemoryUnit unit = memoryUnit(user);
        MemoryUnit other = memoryUnit(user);
        Media attached = media(user, unit.id(), "sha256:1");
        Media kept = media(user, other.id(), "sha256:2");
        store.memoryUnits().delete(user, unit.id());
        Media after = store.media().get(user, attached.id());
        assertNull(after.memoryUnitId());
        assertEquals(attached.withMemoryUnitId(null), after, "nothing else of the media item changes");
        assertEquals(kept, store.media().get(user, kept.id()));
    }
}
