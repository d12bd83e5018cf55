package io.plinth.core.internal;

import io.plinth.core.Check;
import io.plinth.core.InvalidInputException;
import io.plinth.core.ReadOnly;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * What happens to every repository call before a backend sees it, the same on every backend: the
 * unit of work must still be usable ({@link UnitOfWork}), and the arguments follow one set of rules —
 * <ul>
 *   <li>a parameter not marked {@link Nullable @Nullable} must not be null;</li>
 *   <li>a text argument must be {@link Check#storable storable} (no NUL, no unpaired surrogate);</li>
 *   <li>an {@link Instant} argument must lie in Plinth's range and is truncated to microseconds
 *       ({@link Check#instant}).</li>
 * </ul>
 * A broken rule is an {@link InvalidInputException} naming the parameter, before anything runs.
 * Records carry their own rules in their constructors. Thread-safe.
 */
public final class RepositoryCalls {
    /** A backend's way of running one checked call. */
    @FunctionalInterface
    public interface Backend {
        /** Runs {@code method} on {@code target}; throws what the call throws. */
        Object call(Method method, Object target, Object[] args) throws Throwable;
    }

    private record Param(String name, boolean nullable) {
    }

    private static final Map<Method, Param[]> PARAMS = new ConcurrentHashMap<>();

    private RepositoryCalls() {
    }

    /**
     * A proxy of {@code type} whose every call is checked against {@code work} and the argument rules
     * and then run by {@code backend} on {@code target}.
     */
    public static <R> R proxy(Class<R> type, Object target, UnitOfWork work, Backend backend) {
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> self == args[0];
                    case "hashCode" -> System.identityHashCode(self);
                    default -> type.getSimpleName() + " of " + target.getClass().getSimpleName();
                };
            }
            if (work != null) {
                work.checkUsable();
            }
            return backend.call(method, target, check(method, args));
        });
        return type.cast(proxy);
    }

    /** Whether the method only reads ({@link ReadOnly}). */
    public static boolean isReadOnly(Method method) {
        return method.isAnnotationPresent(ReadOnly.class);
    }

    /**
     * Checks the arguments of a call and returns them normalised (instants truncated).
     *
     * @throws InvalidInputException naming the first parameter that breaks a rule
     */
    public static Object[] check(Method method, Object[] args) {
        if (args == null) {
            return null;
        }
        Param[] params = PARAMS.computeIfAbsent(method, RepositoryCalls::params);
        Object[] checked = args;
        for (int i = 0; i < params.length; i++) {
            Param param = params[i];
            Object value = args[i];
            if (value == null) {
                if (!param.nullable()) {
                    throw new InvalidInputException(param.name(), "is required");
                }
            } else if (value instanceof String text) {
                Check.storable(param.name(), text);
            } else if (value instanceof Instant instant) {
                Instant normal = Check.instant(param.name(), instant);
                if (!normal.equals(instant)) {
                    checked = checked == args ? args.clone() : checked;
                    checked[i] = normal;
                }
            }
        }
        return checked;
    }

    /** Runs {@code method} on {@code target}, throwing what the method throws (not a reflection wrapper). */
    public static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static Param[] params(Method method) {
        Parameter[] parameters = method.getParameters();
        Param[] params = new Param[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            boolean nullable = parameters[i].isAnnotationPresent(Nullable.class)
                    || parameters[i].getAnnotatedType().isAnnotationPresent(Nullable.class);
            params[i] = new Param(parameters[i].getName(), nullable);
        }
        return params;
    }
}
