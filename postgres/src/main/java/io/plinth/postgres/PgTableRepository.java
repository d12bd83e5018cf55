package io.plinth.postgres;

import io.plinth.core.Id;
import io.plinth.core.TableRepository;
import io.plinth.core.internal.ScopelessRepository;
import io.plinth.core.table.Table;
import io.plinth.postgres.sql.TableSql;
import java.time.Instant;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * A {@link TableRepository} on a declared table of no tenant, with the SQL its declaration gives
 * ({@link TableSql}): the calls of {@link PgCrudRepository}, without the scope. A model's special
 * calls extend it.
 */
public class PgTableRepository<I extends Id, N, R> extends ScopelessRepository<I, N, R> {
    protected final PgSession session;
    protected final Table<N, R> table;
    protected final TableSql<R> sql;
    protected final Supplier<Instant> now;

    public PgTableRepository(PgSession session, Table<N, R> table, Supplier<Instant> now) {
        this(new PgCrudRepository<>(session, table, now));
    }

    private PgTableRepository(PgCrudRepository<Id, I, N, R> crud) {
        super(crud);
        if (crud.table.tenantColumn() != null) {
            throw new IllegalArgumentException(crud.table + " has a tenant: use a PgCrudRepository");
        }
        this.session = crud.session;
        this.table = crud.table;
        this.sql = crud.sql;
        this.now = crud.now;
    }

    /** A JDBI handle on the session's connection, for a model's special calls. */
    protected Handle handle() {
        return session.handle();
    }
}
