package io.plinth.ledger;

import java.time.Instant;

/**
 * One line of an account's history: the signed change a posted transfer made to it and the
 * balance right after. {@code sequence} counts the account's entries from 1, in commit order.
 */
public record Entry(AccountId accountId, long sequence, TransferId transferId, long amount, long balanceAfter,
                    Instant createdAt) {
}
