package io.plinth.testkit;

import io.plinth.core.ConflictException;
import io.plinth.core.CrudRepository;
import io.plinth.core.Id;
import io.plinth.core.Ids;
import io.plinth.core.NotFoundException;
import io.plinth.core.Page;
import io.plinth.core.PageRequest;
import io.plinth.core.table.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A {@link CrudRepository} on the in-memory rows of a declared table: what every declared model
 * gets without a line of its own. A model's special calls extend it. Internal to the test kit, left out of the Javadoc.
 */
public class MemCrudRepository<S extends Id, I extends Id, N, R> implements CrudRepository<S, I, N, R> {
    protected final Tables tables;
    protected final MemTable<R> rows;
    protected final Table<N, R> table;
    protected final Supplier<Instant> now;

    public MemCrudRepository(Tables tables, Table<N, R> table, Supplier<Instant> now) {
        this.tables = tables;
        this.rows = tables.table(table);
        this.table = table;
        this.now = now;
    }

    @Override
    public R create(N request) {
        R row = table.create(request, Ids.next(), now.get());
        table.checkReferences(row, null, this::exists);
        rows.insert(row);
        return row;
    }

    /** Whether the parent row is in the tenant. */
    private boolean exists(Table<?, ?> parent, java.util.UUID key, java.util.UUID tenant) {
        return tables.table(parent).get(tenant, key) != null;
    }

    @Override
    public R get(S scope, I id) {
        return find(scope, id).orElseThrow(() -> new NotFoundException(table.entity(), id));
    }

    @Override
    public Optional<R> find(S scope, I id) {
        return Optional.ofNullable(rows.get(tenant(scope), id.value()));
    }

    @Override
    public R update(R row) {
        R stored = rows.get(table.tenantOf(row), table.idOf(row));
        if (stored == null) {
            throw new NotFoundException(table.entity(), table.idOf(row));
        }
        R updated = table.updated(stored, row, now.get());
        table.checkReferences(updated, stored, this::exists);
        if (table.versionOf(stored) != table.versionOf(row)) {
            throw ConflictException.staleVersion(table.entity(), table.idOf(row));
        }
        rows.replace(stored, updated);
        return updated;
    }

    @Override
    public void delete(S scope, I id) {
        rows.delete(get(scope, id));
    }

    @Override
    public Page<R> list(S scope, PageRequest page) {
        return Page.of(rows.list(tenant(scope), page.afterKey(), page.limit() + 1), page.limit(), table::idOf);
    }

    /** The tenant's key, or null for a table of no tenant ({@link MemTableRepository} passes no scope). */
    private static java.util.UUID tenant(Id scope) {
        return scope == null ? null : scope.value();
    }
}
