package io.plinth.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plinth.core.AppendRepository;
import io.plinth.core.ConflictException;
import io.plinth.core.CrudRepository;
import io.plinth.core.Id;
import io.plinth.core.NotFoundException;
import io.plinth.core.Page;
import io.plinth.core.PageRequest;
import io.plinth.core.Pages;
import io.plinth.core.table.Schema;
import io.plinth.core.table.Table;
import io.plinth.tenancy.User;
import io.plinth.tenancy.WorkspaceId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

/**
 * The generic part of every declared model's contract, written once and run for each model in
 * {@link ModelFixtures}, so that no model can skip it: create and read back, update with the next
 * version and a stale one refused, tenant isolation, delete twice, keyset paging, rollback of a unit
 * of work, and the tenant's cascade (deleting the user, or the workspace). A table of no tenant has no
 * isolation nor cascade to test; its listings hold the rows made for other purposes too, so the tests
 * compare what they added. Each test runs on an empty store of its own.
 */
public abstract class ModelContract extends StoreContract {

    @Test
    void everyDeclaredTableHasAFixture() {
        Set<String> fixtures = ModelFixtures.ALL.stream().map(f -> f.table().name()).collect(Collectors.toSet());
        for (Table<?, ?> table : Schema.TABLES) {
            assertTrue(fixtures.contains(table.name()), "no ModelFixture for declared table " + table.name());
        }
    }

    @TestFactory
    Stream<DynamicContainer> everyModel() {
        return ModelFixtures.ALL.stream().map(fixture -> DynamicContainer.dynamicContainer(fixture.table().name(),
                Stream.of(
                        test("createdRowsReadBack", () -> createdRowsReadBack(fixture)),
                        test("updatesTakeTheNextVersionAndRefuseAStaleOne", () -> updates(fixture)),
                        test("anotherTenantsRowIsNotFound", () -> tenantIsolation(fixture)),
                        test("aDeletedRowIsGoneAndDeletingAgainIsNotFound", () -> deleteTwice(fixture)),
                        test("listingsPageByIdInCreationOrder", () -> paging(fixture)),
                        test("aFailedUnitOfWorkLeavesNoRow", () -> rollback(fixture)),
                        test("deletingTheTenantDeletesItsRows", () -> cascade(fixture)))));
    }

    private DynamicTest test(String name, Executable body) {
        return DynamicTest.dynamicTest(name, () -> {
            store.close();
            store = emptyStore(clock);
            body.execute();
        });
    }

    private <S extends Id> S tenant(ModelFixture<S, ?, ?, ?> fixture, String name) {
        User user = newUser(name);
        return fixture.tenant().make(store, user);
    }

    private <S extends Id, I extends Id, N, R> void createdRowsReadBack(ModelFixture<S, I, N, R> f) {
        S tenant = tenant(f, "Reader");
        AppendRepository<S, I, N, R> rows = f.repository(store);
        List<R> before = all(rows, tenant);
        R created = rows.create(f.newRow().make(store, tenant, 1));
        I id = f.id().apply(f.table().idOf(created));
        assertEquals(created, rows.get(tenant, id));
        assertEquals(created, rows.find(tenant, id).orElseThrow());
        assertEquals(0, f.table().versionOf(created));
        assertEquals(List.of(created), added(before, all(rows, tenant)));
    }

    /** Every row {@code rows.list} gives in the tenant (every row, for a table of no tenant). */
    private static <S extends Id, R> List<R> all(AppendRepository<S, ?, ?, R> rows, S tenant) {
        return Pages.stream(request -> rows.list(tenant, request), PageRequest.first(PageRequest.MAX_LIMIT)).toList();
    }

    /**
     * The rows of {@code after} that were not in {@code before}, in {@code after}'s order: what a test
     * added, next to the rows its tenant has from the start (a workspace's owner is a member) or, in a
     * table of no tenant, the rows of other tenants' tests (the users made for them).
     */
    private static <R> List<R> added(List<R> before, List<R> after) {
        List<R> added = new ArrayList<>(after);
        added.removeAll(before);
        return added;
    }

    private <S extends Id, I extends Id, N, R> void updates(ModelFixture<S, I, N, R> f) {
        if (!f.changes()) {
            return;
        }
        S tenant = tenant(f, "Updater");
        CrudRepository<S, I, N, R> rows = f.crud(store);
        R created = rows.create(f.newRow().make(store, tenant, 1));
        clock.advance(Duration.ofSeconds(1));
        R updated = rows.update(f.changed().apply(created));
        assertEquals(1, f.table().versionOf(updated));
        assertNotEquals(created, updated);
        I id = f.id().apply(f.table().idOf(created));
        assertEquals(updated, rows.get(tenant, id));
        if (f.table().updatedAtColumn() != null) {
            assertEquals(clock.instant(), f.table().values(updated).get(f.table().updatedAtColumn()));
        }
        ConflictException stale = assertFailsAndWritesNothing(ConflictException.class,
                () -> rows.update(f.changed().apply(created)));
        assertEquals(ConflictException.staleVersion(f.table().entity(), id).getMessage(), stale.getMessage(),
                "the same words for a stale version on every store");
        assertEquals(updated, rows.get(tenant, id));
    }

    private <S extends Id, I extends Id, N, R> void tenantIsolation(ModelFixture<S, I, N, R> f) {
        if (f.table().tenantColumn() == null) {
            return;
        }
        S owner = tenant(f, "Owner");
        S stranger = tenant(f, "Stranger");
        AppendRepository<S, I, N, R> rows = f.repository(store);
        List<R> strangers = all(rows, stranger);
        R created = rows.create(f.newRow().make(store, owner, 1));
        I id = f.id().apply(f.table().idOf(created));
        assertFailsAndWritesNothing(NotFoundException.class, () -> rows.get(stranger, id));
        assertTrue(rows.find(stranger, id).isEmpty());
        if (f.changes()) {
            assertFailsAndWritesNothing(NotFoundException.class, () -> f.crud(store).delete(stranger, id));
        }
        assertEquals(strangers, all(rows, stranger));
        assertEquals(created, rows.get(owner, id));
    }

    private <S extends Id, I extends Id, N, R> void deleteTwice(ModelFixture<S, I, N, R> f) {
        if (!f.changes()) {
            return;
        }
        S tenant = tenant(f, "Deleter");
        CrudRepository<S, I, N, R> rows = f.crud(store);
        R created = rows.create(f.newRow().make(store, tenant, 1));
        I id = f.id().apply(f.table().idOf(created));
        rows.delete(tenant, id);
        assertTrue(rows.find(tenant, id).isEmpty());
        assertFailsAndWritesNothing(NotFoundException.class, () -> rows.delete(tenant, id));
        assertFailsAndWritesNothing(NotFoundException.class, () -> rows.get(tenant, id));
    }

    private <S extends Id, I extends Id, N, R> void paging(ModelFixture<S, I, N, R> f) {
        S tenant = tenant(f, "Pager");
        AppendRepository<S, I, N, R> rows = f.repository(store);
        List<R> before = all(rows, tenant);
        List<R> created = new ArrayList<>();
        for (int n = 1; n <= 5; n++) {
            created.add(rows.create(f.newRow().make(store, tenant, n)));
        }
        List<Page<R>> pages = Pages.pages(request -> rows.list(tenant, request), PageRequest.first(2)).toList();
        List<R> seen = pages.stream().flatMap(page -> page.items().stream()).toList();
        assertEquals(created, added(before, seen));
        assertEquals((before.size() + created.size() + 1) / 2, pages.size());
    }

    private <S extends Id, I extends Id, N, R> void rollback(ModelFixture<S, I, N, R> f) {
        S tenant = tenant(f, "Doomed");
        N row = f.newRow().make(store, tenant, 1); // before the work: a fixture may create the row's parents
        List<Object> before = everything();
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> store.inTransaction(tx -> {
            f.repository(tx).create(row);
            throw new IllegalStateException("changed its mind");
        }));
        assertEquals("changed its mind", thrown.getMessage());
        assertEquals(before, everything());
    }

    private <S extends Id, I extends Id, N, R> void cascade(ModelFixture<S, I, N, R> f) {
        if (f.table().tenantColumn() == null) {
            return;
        }
        User user = newUser("Leaving");
        S tenant = f.tenant().make(store, user);
        AppendRepository<S, I, N, R> rows = f.repository(store);
        R created = rows.create(f.newRow().make(store, tenant, 1));
        if ("workspaces".equals(f.table().tenantTable())) {
            store.workspaces().delete((WorkspaceId) tenant);
        } else {
            store.users().delete(user.id());
        }
        assertTrue(rows.find(tenant, f.id().apply(f.table().idOf(created))).isEmpty());
    }
}
