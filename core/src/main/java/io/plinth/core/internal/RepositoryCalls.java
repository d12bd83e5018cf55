package io.plinth.core.internal;

import io.plinth.core.Check;
import io.plinth.core.InvalidInputException;
import io.plinth.core.ReadOnly;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
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

    /** Per repository interface, its methods' parameters. */
    private static final ClassValue<Map<Method, Param[]>> PARAMS = new ClassValue<>() {
        @Override
        protected Map<Method, Param[]> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

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
            return backend.call(method, target, check(type, method, args));
        });
        return type.cast(proxy);
    }

    /**
     * {@code implementation} as a {@code type}: itself when it implements {@code type} (a model with
     * special calls has a class of its own), else a proxy that forwards every call of a plain model's
     * interface to the generic {@link io.plinth.core.CrudRepository} it is.
     *
     * @throws IllegalStateException when {@code type} declares calls the implementation lacks
     */
    public static <R> R implement(Class<R> type, Object implementation) {
        if (type.isInstance(implementation)) {
            return type.cast(implementation);
        }
        requireCalls(type, implementation.getClass());
        return proxy(type, implementation, null, RepositoryCalls::invoke);
    }

    /** Per repository interface, the implementation classes found to have all its calls. */
    private static final ClassValue<Set<Class<?>>> COMPLETE = new ClassValue<>() {
        @Override
        protected Set<Class<?>> computeValue(Class<?> type) {
            return ConcurrentHashMap.newKeySet();
        }
    };

    /**
     * Fails unless every call of {@code type} is declared by a type {@code implementation}
     * implements (so that a proxy of {@code type} may invoke each on an instance); checked once
     * per pair of classes.
     *
     * @throws IllegalStateException when {@code type} declares calls the implementation lacks
     */
    public static void requireCalls(Class<?> type, Class<?> implementation) {
        Set<Class<?>> complete = COMPLETE.get(type);
        if (complete.contains(implementation)) {
            return;
        }
        for (Method method : type.getMethods()) {
            if (!method.getDeclaringClass().isAssignableFrom(implementation)) {
                throw new IllegalStateException(type.getSimpleName() + "." + method.getName()
                        + " is special: the model needs a repository class of its own on this store");
            }
        }
        complete.add(implementation);
    }

    /** Whether the method only reads ({@link ReadOnly}). */
    public static boolean isReadOnly(Method method) {
        // Cached: Method.isAnnotationPresent synchronizes on the Method, which every thread calling
        // through the same proxy shares.
        Boolean readOnly = READ_ONLY.get(method);
        if (readOnly == null) {
            readOnly = method.isAnnotationPresent(ReadOnly.class);
            READ_ONLY.put(method, readOnly);
        }
        return readOnly;
    }

    private static final Map<Method, Boolean> READ_ONLY = new ConcurrentHashMap<>();

    /**
     * Checks the arguments of a call and returns them normalised (instants truncated).
     *
     * @throws InvalidInputException naming the first parameter that breaks a rule
     */
    public static Object[] check(Class<?> type, Method method, Object[] args) {
        if (args == null) {
            return null;
        }
        Param[] params = PARAMS.get(type).computeIfAbsent(method, m -> params(type, m));
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

    /**
     * The parameters of {@code method} as called through {@code type}. A parameter whose type is a
     * type variable of a generic repository ({@code CrudRepository<S, I, N, R>}) is named after the
     * type it has in {@code type}: {@code get(S scope, I id)} of a {@code CommunityRepository} takes
     * {@code userId} and {@code communityId}.
     */
    private static Param[] params(Class<?> type, Method method) {
        Parameter[] parameters = method.getParameters();
        Param[] params = new Param[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            boolean nullable = parameters[i].isAnnotationPresent(Nullable.class)
                    || parameters[i].getAnnotatedType().isAnnotationPresent(Nullable.class);
            String name = parameters[i].getName();
            if (parameters[i].getParameterizedType() instanceof TypeVariable<?> variable) {
                Class<?> actual = resolve(type, method.getDeclaringClass(), variable);
                if (actual != null) {
                    String simple = actual.getSimpleName();
                    name = Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
                }
            }
            params[i] = new Param(name, nullable);
        }
        return params;
    }

    /**
     * The parameter types of {@code method} as called through {@code type}: a type variable of a
     * generic repository ({@code CrudRepository<S, I, N, R>}) becomes the class it stands for in
     * {@code type}; every other parameter keeps its generic type.
     */
    public static java.lang.reflect.Type[] parameterTypes(Class<?> type, Method method) {
        java.lang.reflect.Type[] types = method.getGenericParameterTypes().clone();
        for (int i = 0; i < types.length; i++) {
            if (types[i] instanceof TypeVariable<?> variable) {
                Class<?> actual = resolve(type, method.getDeclaringClass(), variable);
                types[i] = actual != null ? actual : method.getParameterTypes()[i];
            }
        }
        return types;
    }

    /** The parameter names of {@code method} as called through {@code type}, as errors name them. */
    public static String[] parameterNames(Class<?> type, Method method) {
        Param[] params = PARAMS.get(type).computeIfAbsent(method, m -> params(type, m));
        String[] names = new String[params.length];
        for (int i = 0; i < params.length; i++) {
            names[i] = params[i].name();
        }
        return names;
    }

    /** The class {@code variable} of {@code declaring} stands for in {@code type}, if {@code type} says. */
    private static Class<?> resolve(Type type, Class<?> declaring, TypeVariable<?> variable) {
        return resolve(type, declaring, variable, Map.of());
    }

    private static Class<?> resolve(Type type, Class<?> declaring, TypeVariable<?> variable,
                                    Map<TypeVariable<?>, Type> outer) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        Map<TypeVariable<?>, Type> bindings = new java.util.HashMap<>();
        if (type instanceof ParameterizedType p) {
            TypeVariable<?>[] variables = raw.getTypeParameters();
            for (int i = 0; i < variables.length; i++) {
                Type actual = p.getActualTypeArguments()[i];
                bindings.put(variables[i], actual instanceof TypeVariable<?> v && outer.containsKey(v) ? outer.get(v) : actual);
            }
        }
        if (raw == declaring) {
            return bindings.get(variable) instanceof Class<?> c ? c : null;
        }
        for (Type parent : raw.getGenericInterfaces()) {
            Class<?> found = resolve(parent, declaring, variable, bindings);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
