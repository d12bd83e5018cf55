package io.plinth.postgres;

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
    private static final String SAVEPOINT = "plinth_call";

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
        boolean savepoint = !read && wrote;
        if (savepoint) {
            run(() -> handle.savepoint(SAVEPOINT));
        }
        try {
            Object result = method.invoke(target, args);
            if (savepoint) {
                run(() -> handle.releaseSavepoint(SAVEPOINT));
            }
            wrote |= !read;
            return result;
        } catch (InvocationTargetException e) {
            RuntimeException mapped = SqlErrors.map(e.getCause());
            undo(savepoint, mapped);
            throw mapped;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private Object callAlone(Method method, Object target, Object[] args) {
        try {
            if (isRead(method.getName()) || isSingleStatement(method, target)) {
                return method.invoke(target, args);
            }
            return handle.inTransaction(h -> {
                try {
                    return method.invoke(target, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause() instanceof Exception x ? x : new IllegalStateException(e.getCause());
                }
            });
        } catch (InvocationTargetException e) {
            throw SqlErrors.map(e.getCause());
        } catch (Exception e) {
            throw SqlErrors.map(e);
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

    /** Puts the transaction back where it was before the failed call. */
    private void undo(boolean savepoint, RuntimeException failure) {
        try {
            if (savepoint) {
                handle.rollbackToSavepoint(SAVEPOINT);
                handle.releaseSavepoint(SAVEPOINT);
            } else if (!wrote) {
                handle.getConnection().rollback();
            }
        } catch (SQLException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private static boolean isRead(String method) {
        return method.startsWith("get") || method.startsWith("find") || method.startsWith("list");
    }

    private static void run(Runnable statement) {
        try {
            statement.run();
        } catch (RuntimeException e) {
            throw SqlErrors.map(e);
        }
    }
}
