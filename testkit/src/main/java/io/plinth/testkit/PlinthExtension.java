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
 * Every test method gets its own store and clock; nothing is shared between tests.
 */
public final class PlinthExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PlinthExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Store.class || type == InMemoryStore.class || type == TestClock.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext.Store scope = context.getStore(NAMESPACE);
        TestClock clock = scope.getOrComputeIfAbsent(TestClock.class, k -> new TestClock(), TestClock.class);
        if (parameter.getParameter().getType() == TestClock.class) {
            return clock;
        }
        return scope.getOrComputeIfAbsent(InMemoryStore.class,
                k -> InMemoryStore.builder().clock(clock).build(), InMemoryStore.class);
    }
}
