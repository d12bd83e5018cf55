package io.plinth.ledger;

import java.util.List;

/**
 * The outcome of {@link LedgerRepository#verify()}: what was checked and every problem found.
 *
 * @param problems one line per broken invariant; empty when the ledger is sound
 */
public record LedgerReport(long accounts, long transfers, long entries, List<String> problems) {
    public LedgerReport {
        problems = List.copyOf(problems);
    }

    /** Whether every invariant holds. */
    public boolean ok() {
        return problems.isEmpty();
    }
}
