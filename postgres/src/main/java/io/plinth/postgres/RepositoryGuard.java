package io.plinth.postgres;

import io.plinth.core.internal.RepositoryCalls;
import io.plinth.core.internal.UnitOfWork;
import io.plinth.postgres.sql.Savepoints;
import io.plinth.postgres.sql.SingleStatement;
import io.plinth.postgres.sql.SqlErrors;
import java.lang.reflect.Method;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;

/**
 * Wraps the repositories of one unit of work so that every call
 * <ul>
 *   <li>is checked like on every backend ({@link RepositoryCalls}: the unit of work is still usable,
 *       the arguments follow the common rules);</li>
 *   <li>reports failures in Plinth's hierarchy ({@link SqlErrors#map}), and</li>
 *   <li>is atomic on its own: a call that fails, read or write, leaves the transaction as it was
 *       before the call, so the work may catch the exception and go on, exactly as with the
 *       in-memory kit.</li>
 * </ul>
 * A failed statement would otherwise abort the whole PostgreSQL transaction, and its COMMIT would
 * silently roll back. Every call after the first write of the transaction therefore runs under a
 * savepoint, reads included. Before that, the transaction holds nothing worth keeping, so a failure
 * simply rolls it back and the next statement starts afresh. An auto-commit call, the most common
 * kind, needs no guard at all: {@link #callAlone} runs it. Before committing, {@link #requireCommittable} makes sure the
 * transaction was not aborted all the same, so a unit of work never reports success for work it
 * did not commit.
 *
 * <p>Reads are the methods marked {@link io.plinth.core.ReadOnly}; every other call is a write.
 * One guard per transaction; not thread-safe (a transaction belongs to one thread).
 */
final class RepositoryGuard {
    private final PgSession session;
    private final UnitOfWork work = new UnitOfWork();
    private boolean wrote;

    RepositoryGuard(PgSession session) {
        this.session = session;
    }

    /** {@code target} as a {@code type} whose calls are guarded; every call of {@code type} must be one of {@code target}'s. */
    <R> R wrap(Class<R> type, Object target) {
        return RepositoryCalls.proxy(type, target, work, this::call);
    }

    void end() {
        work.end();
    }

    /** Fails when the unit of work has ended or the caller is not its thread. */
    void checkUsable() {
        work.checkUsable();
    }

    private Object call(Method method, Object target, Object[] args) {
        try {
            Object result = wrote
                    ? Savepoints.run(session.connection(), () -> invoke(method, target, args))
                    : invoke(method, target, args);
            wrote |= !RepositoryCalls.isReadOnly(method);
            return result;
        } catch (Exception e) {
            RuntimeException mapped = SqlErrors.map(e);
            if (!wrote) {
                rollback(mapped);
            }
            throw mapped;
        }
    }

    /**
     * Runs one auto-commit call, its arguments already checked, on a session whose connection is in
     * auto-commit mode: a call that only reads or is a {@link SingleStatement} runs as it is (atomic
     * by itself, no COMMIT round trip); any other runs in a transaction of its own.
     */
    static Object callAlone(PgSession session, Method method, Object target, Object[] args) {
        try {
            if (RepositoryCalls.isReadOnly(method) || isSingleStatement(method, target)) {
                return invoke(method, target, args);
            }
            return session.atomically(() -> {
                try {
                    return invoke(method, target, args);
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        } catch (Exception e) {
            throw SqlErrors.map(e);
        }
    }

    /**
     * Fails with an {@link IllegalStateException} if the database transaction was aborted: its
     * COMMIT would roll back, and the unit of work must not report success.
     */
    void requireCommittable() {
        try {
            BaseConnection connection = session.connection().unwrap(BaseConnection.class);
            if (connection.getTransactionState() == TransactionState.FAILED) {
                throw new IllegalStateException("the unit of work's transaction was aborted by a failed statement; "
                        + "nothing was committed");
            }
        } catch (SQLException e) {
            throw SqlErrors.map(e);
        }
    }

    /** Calls the repository method, throwing what it throws. */
    private static Object invoke(Method method, Object target, Object[] args) throws Exception {
        try {
            return RepositoryCalls.invoke(method, target, args);
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** Per repository class, whether each interface method's implementation is a {@link SingleStatement}. */
    private static final ClassValue<Map<Method, Boolean>> SINGLE_STATEMENT = new ClassValue<>() {
        @Override
        protected Map<Method, Boolean> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    private static boolean isSingleStatement(Method method, Object target) {
        Class<?> type = target.getClass();
        Map<Method, Boolean> known = SINGLE_STATEMENT.get(type);
        Boolean single = known.get(method);
        if (single != null) {
            return single;
        }
        return known.computeIfAbsent(method, m -> {
            try {
                return type.getMethod(m.getName(), m.getParameterTypes()).isAnnotationPresent(SingleStatement.class);
            } catch (NoSuchMethodException e) {
                return false;
            }
        });
    }

    /** Nothing was written before the failed call: rolling back puts the transaction back where it was. */
    private void rollback(RuntimeException failure) {
        try {
            session.connection().rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
