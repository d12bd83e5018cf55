package io.plinth.testkit.differential;

import io.plinth.core.Page;
import io.plinth.core.Repositories;
import io.plinth.core.internal.RepositoryCalls;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The operations the engine can call, found by reflection: every zero-argument accessor of
 * {@link Repositories} that returns an interface, and every method of that interface (inherited
 * ones included). A model added to {@code Repositories} is covered with no further registration.
 */
public final class Catalog {
    /** One repository: its accessor on {@link Repositories} and its methods, in a stable order. */
    public record Repository(Method accessor, Class<?> type, List<Method> methods) {
        /** The methods that return a {@link Page} and take only typed ids before a {@code PageRequest}. */
        public List<Method> pageReaders() {
            return methods.stream().filter(m -> isPageReader(m, parameterTypes(m))).toList();
        }

        /**
         * The parameter classes of {@code method} in this repository: the type variables of a generic
         * repository ({@code CrudRepository<S, I, N, R>}) resolved to what they stand for here.
         */
        public Class<?>[] parameterTypes(Method method) {
            java.lang.reflect.Type[] types = RepositoryCalls.parameterTypes(type, method);
            Class<?>[] classes = new Class<?>[types.length];
            for (int i = 0; i < types.length; i++) {
                classes[i] = types[i] instanceof Class<?> c ? c : method.getParameterTypes()[i];
            }
            return classes;
        }

        /** The generic parameter types of {@code method} in this repository, type variables resolved. */
        public java.lang.reflect.Type[] genericParameterTypes(Method method) {
            return RepositoryCalls.parameterTypes(type, method);
        }

        /** The parameter names of {@code method} in this repository, as errors name them. */
        public String[] parameterNames(Method method) {
            return RepositoryCalls.parameterNames(type, method);
        }
    }

    private static final Comparator<Method> ORDER = Comparator.comparing(Method::getName)
            .thenComparing(m -> Arrays.toString(m.getParameterTypes()));

    private final List<Repository> repositories;

    private Catalog(List<Repository> repositories) {
        this.repositories = List.copyOf(repositories);
    }

    /** The catalog of {@link Repositories}. */
    public static Catalog of() {
        return of(Repositories.class);
    }

    /** The catalog of an interface whose zero-argument methods return repository interfaces. */
    public static Catalog of(Class<?> repositoriesType) {
        List<Repository> found = new ArrayList<>();
        Method[] accessors = repositoriesType.getMethods();
        Arrays.sort(accessors, ORDER);
        for (Method accessor : accessors) {
            if (accessor.getParameterCount() != 0 || !accessor.getReturnType().isInterface()
                    || Modifier.isStatic(accessor.getModifiers())) {
                continue;
            }
            Class<?> type = accessor.getReturnType();
            List<Method> methods = new ArrayList<>();
            for (Method method : type.getMethods()) {
                if (!Modifier.isStatic(method.getModifiers()) && method.getDeclaringClass() != Object.class) {
                    methods.add(method);
                }
            }
            methods.sort(ORDER);
            found.add(new Repository(accessor, type, methods));
        }
        return new Catalog(found);
    }

    /** The same catalog narrowed to the repositories with these accessor names. */
    public Catalog only(java.util.Set<String> accessors) {
        return new Catalog(repositories.stream().filter(r -> accessors.contains(r.accessor().getName())).toList());
    }

    /** The repositories, ordered by accessor name. */
    public List<Repository> repositories() {
        return repositories;
    }

    /** Whether a method only reads: it is declared {@link io.plinth.core.ReadOnly}. */
    public static boolean isRead(Method method) {
        return RepositoryCalls.isReadOnly(method);
    }

    static boolean isPageReader(Method method, Class<?>[] params) {
        if (!Page.class.isAssignableFrom(method.getReturnType()) || params.length == 0
                || params[params.length - 1] != io.plinth.core.PageRequest.class) {
            return false;
        }
        for (int i = 0; i < params.length - 1; i++) {
            if (!io.plinth.core.Id.class.isAssignableFrom(params[i])) {
                return false;
            }
        }
        return true;
    }
}
