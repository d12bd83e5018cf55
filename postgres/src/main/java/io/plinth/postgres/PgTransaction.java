package io.plinth.postgres;

import io.plinth.core.Transaction;
import io.plinth.klepsydra.PulseProfileRepository;
import io.plinth.ledger.LedgerRepository;
import io.plinth.postgres.klepsydra.PgPulseProfileRepository;
import io.plinth.postgres.ledger.PgLedgerRepository;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The repositories of one unit of work, on its {@link PgSession} and made on first use. Each is
 * wrapped by the transaction's {@link RepositoryGuard}.
 */
final class PgTransaction implements Transaction {
    private final PgSession session;
    private final Supplier<Instant> now;
    private final RepositoryGuard guard;
    private final java.util.Map<Class<?>, Object> repositories = new java.util.HashMap<>();

    PgTransaction(PgSession session, Supplier<Instant> now) {
        this.session = session;
        this.now = now;
        this.guard = new RepositoryGuard(session);
    }

    /**
     * The implementation of the {@code type} repository on {@code session}, unguarded: the ledger,
     * pulse profiles, or a declared model's ({@link PostgresModels}).
     */
    static Object implementation(Class<?> type, PgSession session, Supplier<Instant> now) {
        if (type == LedgerRepository.class) {
            return new PgLedgerRepository(session, now);
        }
        if (type == PulseProfileRepository.class) {
            return new PgPulseProfileRepository(session, now);
        }
        return PostgresModels.repository(type, session, now);
    }

    @Override
    public <R> R repository(Class<R> type) {
        if (type == LedgerRepository.class || type == PulseProfileRepository.class) {
            // Not declared models: the same refusal as on every store.
            io.plinth.core.table.Schema.forRepository(type);
        }
        return guarded(type);
    }

    /** Ends the unit of work: its repositories refuse every later call. */
    void end() {
        guard.end();
    }

    /** Fails if the database transaction cannot commit what the work did (see {@link RepositoryGuard}). */
    void requireCommittable() {
        guard.requireCommittable();
    }

    /**
     * The {@code type} repository wrapped by the guard, made once per unit of work. The guard's proxy
     * calls the implementation directly (a plain model's calls are all CrudRepository's), so the guard
     * sees its class, and its SingleStatement calls.
     */
    private <R> R guarded(Class<R> type) {
        guard.checkUsable();
        return type.cast(repositories.computeIfAbsent(type, t -> guard.wrap(type, implementation(type, session, now))));
    }

    @Override
    public LedgerRepository ledger() {
        return guarded(LedgerRepository.class);
    }

    @Override
    public PulseProfileRepository pulseProfiles() {
        return guarded(PulseProfileRepository.class);
    }
}
