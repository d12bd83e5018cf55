package io.plinth.core;

import java.util.UUID;

/**
 * A typed identifier: a UUID that knows what it identifies. Implementations are records such as
 * {@code UserId}; use {@link Ids} to make and parse them.
 */
public interface Id {
    /** The wrapped UUID. */
    UUID value();
}
