package io.plinth.vector.feed;

import io.plinth.tenancy.UserId;
import io.plinth.vector.SourceEntityType;
import java.util.UUID;

/**
 * One place where a {@link io.plinth.vector.SemanticIndex} and PostgreSQL differ, as {@link VectorVerifier}
 * finds it. It names the source and, for a stale item, the fields that differ, never their text.
 *
 * @param kind     missing, stale or orphaned
 * @param type     the source's type
 * @param sourceId the source's id
 * @param userId   the user PostgreSQL gives the source (for an orphan: the item's user)
 * @param detail   what differs
 */
public record VectorDifference(Kind kind, SourceEntityType type, UUID sourceId, UserId userId, String detail) {
    /** The kinds of difference. */
    public enum Kind {
        /** PostgreSQL has a row that gives an item; the index has none. */
        MISSING,
        /** The index's item differs from the one the row gives now. */
        STALE,
        /** The index has an item that no row gives (the row, or its user, is gone, or it has no text now). */
        ORPHANED
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + " " + type.spelling() + " " + sourceId + " of user " + userId
                + ": " + detail;
    }
}
