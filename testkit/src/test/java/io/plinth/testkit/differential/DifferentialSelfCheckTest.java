package io.plinth.testkit.differential;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plinth.core.RetryPolicy;
import io.plinth.core.Store;
import io.plinth.core.Transaction;
import io.plinth.core.TransactionWork;
import io.plinth.tenancy.User;
import io.plinth.tenancy.UserRepository;
import io.plinth.testkit.InMemoryStore;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The engine itself: no difference between two equal stores, and a planted bug is found and shrunk. */
class DifferentialSelfCheckTest {
    private static Store inMemory(Clock clock) {
        return InMemoryStore.builder().clock(clock).build();
    }

    @Test
    void theInMemoryStoreDoesNotDifferFromItself() {
        Differential.Report report = Differential.builder()
                .reference(DifferentialSelfCheckTest::inMemory)
                .candidate(DifferentialSelfCheckTest::inMemory)
                .seed(1)
                .budget(Duration.ofSeconds(5))
                .build().run();
        System.out.println(report.summary());
        System.out.println(report.statistics());
        assertTrue(report.difference().isEmpty(), () -> report.difference().get().reproduction());
        assertTrue(report.operations() > 200, report.summary());
    }

    @Test
    void aStoreWhoseEmailLookUpIsCaseSensitiveIsCaughtAndShrunk() {
        Differential.Report report = Differential.builder()
                .reference(DifferentialSelfCheckTest::inMemory)
                .candidate(clock -> caseSensitive(inMemory(clock)))
                .catalog(Catalog.of().only(java.util.Set.of("users", "workspaces", "sessions")))
                .seed(1)
                .budget(Duration.ofSeconds(30))
                .build().run();
        System.out.println(report.summary());
        Differential.Difference difference = report.difference().orElseThrow(
                () -> new AssertionError("the planted bug was not found: " + report.summary()));
        String reproduction = difference.reproduction();
        System.out.println(reproduction);
        // a create, the look-up in another case, and at most the steps a kept argument refers to (a value
        // an earlier call returned, such as its password hash, and what freed its email)
        assertTrue(difference.ops().size() <= 4, reproduction);
        assertTrue(reproduction.contains("users().findByEmail("), reproduction);
        assertTrue(reproduction.contains("users().create("), reproduction);
    }

    /** The store with a bug planted: {@code findByEmail} compares case-sensitively. */
    private static Store caseSensitive(Store store) {
        return wrap(Store.class, store, (method, args) -> {
            if (method.getName().equals("users")) {
                return brokenUsers(store.users());
            }
            if (method.getName().equals("inTransaction")) {
                int last = args.length - 1;
                TransactionWork<?> work = (TransactionWork<?>) args[last];
                args[last] = (TransactionWork<Object>) tx -> work.run(wrap(Transaction.class, tx,
                        (m, a) -> m.getName().equals("users") ? brokenUsers(tx.users()) : m.invoke(tx, a)));
                return args.length == 2 ? store.inTransaction((RetryPolicy) args[0], (TransactionWork<?>) args[1])
                        : store.inTransaction((TransactionWork<?>) args[0]);
            }
            return method.invoke(store, args);
        });
    }

    private static UserRepository brokenUsers(UserRepository users) {
        return wrap(UserRepository.class, users, (method, args) -> {
            Object result = method.invoke(users, args);
            if (method.getName().equals("findByEmail")) {
                Optional<?> found = (Optional<?>) result;
                return found.filter(u -> ((User) u).email().equals(args[0]));
            }
            return result;
        });
    }

    private interface Handler {
        Object handle(Method method, Object[] args) throws Throwable;
    }

    private static <T> T wrap(Class<T> type, T target, Handler handler) {
        InvocationHandler h = (proxy, method, args) -> {
            try {
                return handler.handle(method, args == null ? new Object[0] : args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, h));
    }
}
