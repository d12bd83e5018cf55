package io.plinth.postgres;

import io.plinth.postgres.sql.Savepoints;
import io.plinth.postgres.sql.SingleStatement;
import io.plinth.postgres.sql.SqlErrors;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;

/**
 * Wraps the repositories of one unit of work so that every call
 * <ul>
 *   <li>reports failures in Plinth's hierarchy ({@link SqlErrors#map}), and</li>
 *   <li>is atomic on its own: a call that fails leaves the transaction as it was before the call,
 *       so the work may catch the exception and go on, exactly as with the in-memory kit.</li>
 * </ul>
 * A failed statement would otherwise abort the whole PostgreSQL transaction. Writes after the
 * first successful write of the transaction therefore run under a savepoint. Before that, the
 * transaction holds nothing worth keeping, so a failure simply rolls it back and the next
 * statement starts afresh — auto-commit calls, the most common kind, pay for no savepoint.
 *
 * <p>Calls whose method name starts with {@code get}, {@code find} or {@code list} are reads;
 * every other call is treated as a write. One guard per transaction; not thread-safe.
 */
final class RepositoryGuard {
    private final Handle handle;
    private final boolean alone;
    private boolean wrote;

    /**
     * @param alone the unit of work is one call on a connection in auto-commit mode: a call that only
     *              reads or is a {@link SingleStatement} runs as it is (atomic by itself); any other
     *              runs in a transaction of its own
     */
    RepositoryGuard(Handle handle, boolean alone) {
        this.handle = handle;
        this.alone = alone;
    }

    <R> R wrap(Class<R> type, R target) {
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.invoke(target, args);
            }
            return call(method, target, args);
        });
        return type.cast(proxy);
    }

    private Object call(Method method, Object target, Object[] args) {
        if (alone) {
            return callAlone(method, target, args);
        }
        boolean read = isRead(method.getName());
        try {
            Object result = !read && wrote
                    ? Savepoints.run(handle.getConnection(), () -> invoke(method, target, args))
                    : invoke(method, target, args);
            wrote |= !read;
            return result;
        } catch (Exception e) {
            RuntimeException mapped = SqlErrors.map(e);
            if (!wrote) {
                rollback(mapped);
            }
            throw mapped;
        }
    }

    private Object callAlone(Method method, Object target, Object[] args) {
        try {
            if (isRead(method.getName()) || isSingleStatement(method, target)) {
                return invoke(method, target, args);
            }
            return handle.inTransaction(h -> invoke(method, target, args));
        } catch (Exception e) {
            throw SqlErrors.map(e);
        }
    }

    /** Calls the repository method, throwing what it throws. */
    private static Object invoke(Method method, Object target, Object[] args) throws Exception {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw (Exception) e.getCause();
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
        return SINGLE_STATEMENT.get(type).computeIfAbsent(method, m -> {
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
            handle.getConnection().rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private static boolean isRead(String method) {
        return method.startsWith("get") || method.startsWith("find") || method.startsWith("list");
    }
}
