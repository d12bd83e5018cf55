package io.plinth.testkit;

import io.plinth.core.Store;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that hands each test a fresh, empty {@link InMemoryStore} — declare a
 * {@link Store} (or {@code InMemoryStore}) parameter — and the {@link TestClock} that store uses
 * (declare a {@code TestClock} parameter, then move time with {@link TestClock#advance}).
 *
 * <pre>{@code
 * @ExtendWith(PlinthExtension.class)
 * class SignupServiceTest {
 *     @Test
 *     void signupCreatesAWorkspace(Store store) {
 *         new SignupService(store).signUp("ada@example.com");
 *         assertTrue(store.users().findByEmail("ada@example.com").isPresent());
 *     }
 * }
 * }</pre>
 *
 * Every test method gets its own store and clock; nothing is shared between tests. The store is
 * closed when the test ends.
 *
 * <p>The same tests run on PostgreSQL with {@code io.plinth.postgres.testing.PostgresExtension} (in
 * {@code plinth-postgres}, which depends on this artifact's API and not the other way round): it
 * extends this class and hands out a {@code PostgresStore} on a fresh schema instead.
 */
public class PlinthExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PlinthExtension.class);

    /** The in-memory extension, as {@code @ExtendWith(PlinthExtension.class)} makes it. */
    public PlinthExtension() {
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Store.class || type == storeType() || type == TestClock.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext.Store scope = context.getStore(NAMESPACE);
        TestClock clock = scope.getOrComputeIfAbsent(TestClock.class, k -> new TestClock(), TestClock.class);
        if (parameter.getParameter().getType() == TestClock.class) {
            return clock;
        }
        // a Store is AutoCloseable: JUnit closes it when the test's context ends
        return scope.getOrComputeIfAbsent(Store.class, k -> openStore(clock, context), Store.class);
    }

    /** The class of the stores this extension hands out, which a test may declare as its parameter's type. */
    protected Class<? extends Store> storeType() {
        return InMemoryStore.class;
    }

    /**
     * A new, empty store on {@code clock} for the test of {@code context}; called at most once per test.
     * JUnit closes it when the test ends.
     */
    protected Store openStore(TestClock clock, ExtensionContext context) {
        return InMemoryStore.builder().clock(clock).build();
    }
}
