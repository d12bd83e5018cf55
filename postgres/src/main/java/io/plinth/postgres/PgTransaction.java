package io.plinth.postgres;

import io.plinth.core.Transaction;
import io.plinth.core.internal.RepositoryCalls;
import io.plinth.klepsydra.PulseProfileRepository;
import io.plinth.ledger.LedgerRepository;
import io.plinth.postgres.klepsydra.PgPulseProfileRepository;
import io.plinth.postgres.ledger.PgLedgerRepository;
import java.time.Instant;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * The repositories of one unit of work, bound to its JDBI handle and made on first use. Each is
 * wrapped by the transaction's {@link RepositoryGuard}.
 */
final class PgTransaction implements Transaction {
    private final Handle handle;
    private final Supplier<Instant> now;
    private final RepositoryGuard guard;
    private final java.util.Map<Class<?>, Object> declared = new java.util.HashMap<>();
    private LedgerRepository ledger;
    private PulseProfileRepository pulseProfiles;

    /**
     * @param alone whether the transaction is a single auto-commit call on a connection in
     *              auto-commit mode (see {@link RepositoryGuard})
     */
    PgTransaction(Handle handle, Supplier<Instant> now, boolean alone) {
        this.handle = handle;
        this.now = now;
        this.guard = new RepositoryGuard(handle, alone);
    }

    @Override
    public <R> R repository(Class<R> type) {
        guard.checkUsable();
        // The guard's proxy calls the implementation directly (a plain model's calls are all
        // CrudRepository's), so the guard sees its class, and its SingleStatement calls.
        return type.cast(declared.computeIfAbsent(type, t -> {
            Object implementation = PostgresModels.repository(type, handle, now);
            RepositoryCalls.requireCalls(type, implementation.getClass());
            return guard.wrap(type, implementation);
        }));
    }

    /** Ends the unit of work: its repositories refuse every later call. */
    void end() {
        guard.end();
    }

    /** Fails if the database transaction cannot commit what the work did (see {@link RepositoryGuard}). */
    void requireCommittable() {
        guard.requireCommittable();
    }

    private <R> R make(Class<R> type, BiFunction<Handle, Supplier<Instant>, ? extends R> constructor) {
        guard.checkUsable();
        return guard.wrap(type, constructor.apply(handle, now));
    }

    @Override
    public LedgerRepository ledger() {
        if (ledger == null) {
            ledger = make(LedgerRepository.class, PgLedgerRepository::new);
        }
        return ledger;
    }

    @Override
    public PulseProfileRepository pulseProfiles() {
        if (pulseProfiles == null) {
            pulseProfiles = make(PulseProfileRepository.class, PgPulseProfileRepository::new);
        }
        return pulseProfiles;
    }
}
