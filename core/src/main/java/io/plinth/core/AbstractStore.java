package io.plinth.core;

import io.plinth.klepsydra.PulseProfileRepository;
import io.plinth.ledger.LedgerRepository;
import io.plinth.tenancy.MemberRepository;
import io.plinth.tenancy.ProjectRepository;
import io.plinth.tenancy.UserRepository;
import io.plinth.tenancy.UserSessionRepository;
import io.plinth.tenancy.WorkspaceRepository;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every backend shares: the retry loop around one attempt of a unit of work, the clock
 * (truncated to microseconds, PostgreSQL's precision), and the auto-commit repositories, each of
 * whose calls is a unit of work of its own. A backend implements {@link #attempt}.
 */
public abstract class AbstractStore implements Store {
    private static final Logger LOG = LoggerFactory.getLogger(AbstractStore.class);

    private final RetryPolicy retryPolicy;
    private final Clock clock;
    private final UserRepository users = autoCommit(UserRepository.class, Transaction::users);
    private final WorkspaceRepository workspaces = autoCommit(WorkspaceRepository.class, Transaction::workspaces);
    private final MemberRepository members = autoCommit(MemberRepository.class, Transaction::members);
    private final ProjectRepository projects = autoCommit(ProjectRepository.class, Transaction::projects);
    private final UserSessionRepository sessions = autoCommit(UserSessionRepository.class, Transaction::sessions);
    private final LedgerRepository ledger = autoCommit(LedgerRepository.class, Transaction::ledger);
    private final PulseProfileRepository pulseProfiles = autoCommit(PulseProfileRepository.class, Transaction::pulseProfiles);

    protected AbstractStore(RetryPolicy retryPolicy, Clock clock) {
        this.retryPolicy = Check.required("retryPolicy", retryPolicy);
        this.clock = Check.required("clock", clock);
    }

    /** Runs {@code work} once, atomically: commits if it returns, rolls back if it throws. */
    protected abstract <T> T attempt(TransactionWork<T> work);

    /**
     * Runs once a unit of work that is a single repository call (an auto-commit call such as
     * {@code store.ledger().transfer(…)}). A backend may run it more cheaply than a general unit of
     * work, as long as the call stays atomic; by default it is {@link #attempt one}.
     */
    protected <T> T attemptCall(TransactionWork<T> call) {
        return attempt(call);
    }

    /** The current time at the store's precision (microseconds). */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public <T> T inTransaction(TransactionWork<T> work) {
        return inTransaction(retryPolicy, work);
    }

    @Override
    public <T> T inTransaction(RetryPolicy policy, TransactionWork<T> work) {
        Check.required("policy", policy);
        Check.required("work", work);
        return retrying(policy, () -> attempt(work));
    }

    private static <T> T retrying(RetryPolicy policy, java.util.function.Supplier<T> once) {
        for (int attempt = 1; ; attempt++) {
            try {
                return once.get();
            } catch (RetryableException e) {
                if (attempt >= policy.maxAttempts()) {
                    throw e;
                }
                LOG.debug("unit of work failed on attempt {} and will be retried: {}", attempt, e.getMessage());
                sleep(policy.backoff(attempt).toNanos());
            }
        }
    }

    private static void sleep(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetryableException("interrupted while waiting to retry", e);
        }
    }

    private <R> R autoCommit(Class<R> type, Function<Transaction, R> pick) {
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> self == args[0];
                    case "hashCode" -> System.identityHashCode(self);
                    default -> "auto-commit " + type.getSimpleName();
                };
            }
            return retrying(retryPolicy, () -> attemptCall(tx -> {
                try {
                    return method.invoke(pick.apply(tx), args);
                } catch (InvocationTargetException e) {
                    throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }));
        });
        return type.cast(proxy);
    }

    @Override
    public UserRepository users() {
        return users;
    }

    @Override
    public WorkspaceRepository workspaces() {
        return workspaces;
    }

    @Override
    public MemberRepository members() {
        return members;
    }

    @Override
    public ProjectRepository projects() {
        return projects;
    }

    @Override
    public UserSessionRepository sessions() {
        return sessions;
    }

    @Override
    public LedgerRepository ledger() {
        return ledger;
    }

    @Override
    public PulseProfileRepository pulseProfiles() {
        return pulseProfiles;
    }
}
