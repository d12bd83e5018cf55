package io.plinth.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plinth.core.Ids;
import io.plinth.core.Page;
import io.plinth.core.PageRequest;
import io.plinth.core.Pages;
import io.plinth.tenancy.NewProject;
import io.plinth.tenancy.Project;
import io.plinth.tenancy.Workspace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Reading a whole listing with {@link Pages}: every item once, in order, fetching pages only as needed. */
public abstract class PagesContract extends StoreContract {
    private Workspace workspace;

    private List<Project> projects(int count) {
        workspace = newWorkspace("Paged");
        List<Project> created = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            created.add(store.projects().create(NewProject.builder().workspaceId(workspace.id()).name("Project " + n)
                    .keyName("KEY_" + n).build()));
        }
        created.sort(Comparator.comparing(p -> p.id().value(), Ids.ORDER));
        return created;
    }

    /** The workspace's project listing, counting how many pages it was asked for. */
    private Function<PageRequest, Page<Project>> listing(AtomicInteger fetched) {
        return request -> {
            fetched.incrementAndGet();
            return store.projects().list(workspace.id(), request);
        };
    }

    @Test
    void aStreamGivesEveryItemOnceInTheListingsOrder() {
        List<Project> created = projects(7);
        AtomicInteger fetched = new AtomicInteger();
        assertEquals(created, Pages.stream(listing(fetched), PageRequest.first(3)).toList());
        assertEquals(3, fetched.get(), "7 items at 3 a page are 3 pages");
    }

    @Test
    void pagesAreEveryPageInOrderTheLastWithoutACursor() {
        List<Project> created = projects(6);
        List<Page<Project>> pages = Pages.pages(listing(new AtomicInteger()), PageRequest.first(3)).toList();
        assertEquals(2, pages.size(), "6 items at 3 a page are 2 pages, the second one the last");
        assertEquals(created.subList(0, 3), pages.get(0).items());
        assertTrue(pages.get(0).hasNext());
        assertEquals(created.subList(3, 6), pages.get(1).items());
        assertFalse(pages.get(1).hasNext());
    }

    @Test
    void nothingIsFetchedBeforeTheStreamIsUsedAndNoPageBeyondWhatItNeeds() {
        List<Project> created = projects(7);
        AtomicInteger fetched = new AtomicInteger();
        Stream<Project> all = Pages.stream(listing(fetched), PageRequest.first(2));
        assertEquals(0, fetched.get(), "making the stream fetches nothing");
        assertEquals(created.subList(0, 3), all.limit(3).toList());
        assertEquals(2, fetched.get(), "three items take two pages of two");
        fetched.set(0);
        assertEquals(created.get(0), Pages.stream(listing(fetched), PageRequest.first(2)).findFirst().orElseThrow());
        assertEquals(1, fetched.get());
        fetched.set(0);
        Iterator<Project> walk = Pages.stream(listing(fetched), PageRequest.first(2)).iterator();
        assertEquals(created.get(0), walk.next());
        assertEquals(created.get(1), walk.next());
        assertEquals(1, fetched.get(), "the second page waits until the first is used up");
        assertEquals(created.get(2), walk.next());
        assertEquals(2, fetched.get());
    }

    @Test
    void anEmptyListingIsOneEmptyPage() {
        projects(0);
        AtomicInteger fetched = new AtomicInteger();
        assertEquals(List.of(), Pages.stream(listing(fetched), PageRequest.first(5)).toList());
        assertEquals(1, fetched.get());
        assertEquals(1, Pages.pages(listing(fetched), PageRequest.first(5)).count());
    }

    @Test
    void rowsAddedAfterThePositionWhileStreamingAreSeenAndNoneTwice() {
        List<Project> created = new ArrayList<>(projects(4));
        Iterator<Project> walk = Pages.stream(listing(new AtomicInteger()), PageRequest.first(2)).iterator();
        List<Project> seen = new ArrayList<>(List.of(walk.next(), walk.next()));
        created.add(store.projects().create(NewProject.builder().workspaceId(workspace.id()).name("Late")
                .keyName("LATE").build()));
        walk.forEachRemaining(seen::add);
        assertEquals(created, seen);
    }

    @Test
    void aStreamWorksInsideAUnitOfWork() {
        List<Project> created = projects(5);
        List<Project> seen = store.inTransaction(tx ->
                Pages.stream(request -> tx.projects().list(workspace.id(), request), PageRequest.first(2)).toList());
        assertEquals(created, seen);
    }

    @Test
    void everyListingShapeStreams() {
        Workspace other = newWorkspace("Members");
        List<Object> users = new ArrayList<>();
        for (int n = 0; n < 5; n++) {
            users.add(store.users().get(newUser("Paged " + n).id()));
        }
        List<Object> all = new ArrayList<>(Pages.stream(store.users()::list, PageRequest.first(2)).toList());
        assertTrue(all.containsAll(users), "a table of no tenant");
        assertEquals(store.users().list(PageRequest.first(PageRequest.MAX_LIMIT)).items(), all);
        assertEquals(1, Pages.stream(request -> store.members().list(other.id(), request), PageRequest.first(1)).count(),
                "a table keyed by (tenant, id): the owner");
    }

    @Test
    void badArgumentsAreRefusedNamingThem() {
        assertInvalid("listing", () -> Pages.stream(null, PageRequest.first()));
        assertInvalid("first", () -> Pages.stream(request -> null, null));
        assertInvalid("page", () -> Pages.stream(request -> null, PageRequest.first()).toList());
        assertThrows(java.util.NoSuchElementException.class,
                () -> {
                    Iterator<Page<Object>> once = Pages.pages(request -> new Page<>(List.of(), null), PageRequest.first())
                            .iterator();
                    once.next();
                    once.next();
                });
    }
}
